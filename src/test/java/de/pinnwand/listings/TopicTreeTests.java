package de.pinnwand.listings;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import de.pinnwand.system.Languages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicTreeTests {

	/** The taxonomy as Spring binds it when nothing is configured. */
	static TopicTree defaults() {
		return TopicTree.of(new Binder(new MapConfigurationPropertySource())
			.bindOrCreate("pinnwand.listings", ListingsProperties.class)
			.topics());
	}

	@Test
	void offersTwelveTopicsEachWithTwoToFiveSubtopicsByDefault() {
		TopicTree tree = defaults();
		assertThat(tree.parents()).hasSize(12).startsWith("language-learning").endsWith("counselling");
		assertThat(tree.topics()).allSatisfy((topic) -> assertThat(topic.subtopics()).as(topic.code())
			.hasSizeBetween(2, 5)
			.allSatisfy((code) -> assertThat(code).startsWith(topic.code() + "/").hasSizeLessThanOrEqualTo(40)));
		assertThat(tree.subtopicsOf("donations")).containsExactly("donations/furniture", "donations/clothes",
				"donations/household", "donations/toys");
		assertThat(tree.isKnown("housing")).isTrue();
		assertThat(tree.isKnown("housing/flat-search")).isTrue();
		assertThat(tree.isKnown("housing/castles")).isFalse();
		assertThat(tree.isKnown("flat-search")).as("a sub-topic only under its parent").isFalse();
	}

	@Test
	void putsEachSubtopicsParentBeforeItAndKeepsTheOrderOtherwise() {
		assertThat(
				TopicTree.withParents(List.of("mobility", "housing/moving-help", "donations/furniture", "donations")))
			.containsExactly("mobility", "housing", "housing/moving-help", "donations", "donations/furniture");
		assertThat(TopicTree.withParents(List.of("health", "work"))).containsExactly("health", "work");
		assertThat(TopicTree.parentOf("children/school")).isEqualTo("children");
		assertThat(TopicTree.parentOf("children")).isEqualTo("children");
	}

	@Test
	void refusesATaxonomyThatIsNotATree() {
		assertThatIllegalArgumentException().isThrownBy(() -> TopicTree.of(List.of("housing", "work/internships")))
			.withMessageContaining("'work/internships'")
			.withMessageContaining("'work'");
		assertThatIllegalArgumentException().isThrownBy(() -> TopicTree.of(List.of("housing", "housing/a/b")));
		assertThatIllegalArgumentException().isThrownBy(() -> TopicTree.of(List.of("Housing")));
		assertThatIllegalArgumentException().isThrownBy(() -> TopicTree.of(List.of("housing", "housing")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TopicTree.of(List.of("housing", "housing/" + "x".repeat(40))))
			.withMessageContaining("40");
		assertThatIllegalArgumentException().isThrownBy(() -> TopicTree.of(List.of()));
	}

	@Test
	void failsBindingAConfiguredSubtopicWithoutItsParent() {
		var source = new MapConfigurationPropertySource();
		source.put("pinnwand.listings.topics", "housing,housing/flat-search,work/internships");
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> new Binder(source).bindOrCreate("pinnwand.listings", ListingsProperties.class));
		source.put("pinnwand.listings.topics", "housing,housing/flat-search,work");
		assertThat(TopicTree.of(new Binder(source).bindOrCreate("pinnwand.listings", ListingsProperties.class).topics())
			.subtopicsOf("housing")).containsExactly("housing/flat-search");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "_en", "_ar", "_fa", "_uk", "_ru", "_tr" })
	void labelsEveryTopicAndSubtopicInEveryLanguage(String bundle) throws Exception {
		Properties messages = new Properties();
		try (Reader reader = new InputStreamReader(
				new ClassPathResource("messages" + bundle + ".properties").getInputStream(), StandardCharsets.UTF_8)) {
			messages.load(reader);
		}
		List<String> labels = defaults().topics()
			.stream()
			.flatMap((topic) -> Stream.concat(Stream.of(topic.code()), topic.subtopics().stream()))
			.map((code) -> messages.getProperty("topic." + code))
			.toList();
		assertThat(labels).hasSize(52).doesNotContainNull().allSatisfy((label) -> assertThat(label).isNotBlank());
		// The form shows every topic and every language as a checkbox: each label must
		// name one box only.
		List<String> onTheForm = Stream.concat(labels.stream(), Languages.codes().stream().map(Languages::endonym))
			.toList();
		assertThat(onTheForm).doesNotHaveDuplicates();
		assertThat(messages.getProperty("topic.with-subtopics")).contains("{0}", "{1}");
	}

}
