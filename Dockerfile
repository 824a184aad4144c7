# syntax=docker/dockerfile:1
# The Pinnwand application. Build context: the repository root (see .dockerignore).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY . .
# The cache mount keeps Maven's downloads between builds; nothing of it ends up in the image.
RUN --mount=type=cache,target=/root/.m2 \
	./mvnw -B -DskipTests package \
	&& cp target/pinnwand-*.jar /workspace/app.jar

FROM eclipse-temurin:17-jre
# A fixed unprivileged user; the data folder belongs to it, so a fresh named volume mounted there does too.
RUN groupadd --system --gid 10001 pinnwand \
	&& useradd --system --uid 10001 --gid pinnwand --home-dir /var/lib/pinnwand --shell /usr/sbin/nologin pinnwand \
	&& mkdir -p /var/lib/pinnwand \
	&& chown pinnwand:pinnwand /var/lib/pinnwand
WORKDIR /app
COPY --from=build /workspace/app.jar app.jar
USER pinnwand:pinnwand
# The JVM's default heap is a quarter of the container's memory; the app is the only thing in it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
