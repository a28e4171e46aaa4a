package cn.xinfang.petition.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The petition case service (信访事项办理服务). */
@SpringBootApplication(scanBasePackages = "cn.xinfang.petition")
@ConfigurationPropertiesScan("cn.xinfang.petition.app")
public class CaseApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaseApplication.class, args);
    }
}
