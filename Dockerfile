# syntax=docker/dockerfile:1
# The Pinnwand application. Build context: the repository root (see .dockerignore).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY . .
# The cache mount keeps Maven's downloads between builds; nothing of it ends up in the image.
RUN --mount=type=cache,target=/root/.m2 \
	./mvnw -B -DskipTests package \
	&& cp target/pinnwand-*.jar /workspace/app.jar \
	&& java -Djarmode=tools -jar /workspace/app.jar extract --layers --launcher --destination /workspace/extracted

FROM eclipse-temurin:17-jre
# A fixed unprivileged user; the data folder belongs to it, so a fresh named volume mounted there does too.
RUN groupadd --system --gid 10001 pinnwand \
	&& useradd --system --uid 10001 --gid pinnwand --home-dir /var/lib/pinnwand --shell /usr/sbin/nologin pinnwand \
	&& mkdir -p /var/lib/pinnwand \
	&& chown pinnwand:pinnwand /var/lib/pinnwand
WORKDIR /app
# Boot's layers, least often changed first: a new release of the app replaces only the last, small layer.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
USER pinnwand:pinnwand
# The JVM's default heap is a quarter of the container's memory; the app is the only thing in it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
# Liveness only: a portal whose Elasticsearch is away still takes writes; the image has no curl, bash's /dev/tcp suffices.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
	CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /actuator/health/liveness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
