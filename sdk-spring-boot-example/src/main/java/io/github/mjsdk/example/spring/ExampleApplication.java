package io.github.mjsdk.example.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application on the mjsdk starter. {@code POST /images} submits a prompt and answers 202 with the
 * task id at once; the provider's callbacks arrive at the starter's webhook endpoint ({@code /mjsdk/webhook}) and
 * wake the wait; {@code GET /images/{id}} shows the result. Without {@code MIDJOURNEY_API_KEY} and
 * {@code MJSDK_SIMULATOR=false} it runs against the built-in simulator (see application.properties).
 *
 * <pre>
 * ./mvnw -pl sdk-spring-boot-example -am -DskipTests package
 * java -jar sdk-spring-boot-example/target/sdk-spring-boot-example-*.jar      (or run this main from the IDE)
 * curl -s -XPOST localhost:8080/images -H 'Content-Type: application/json' -d '{"prompt":"a red fox"}'
 * curl -s localhost:8080/images/TASK_ID
 * </pre>
 */
@SpringBootApplication
public class ExampleApplication {

    /**
     * Starts the application.
     *
     * @param args Spring Boot arguments, e.g. {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }
}
