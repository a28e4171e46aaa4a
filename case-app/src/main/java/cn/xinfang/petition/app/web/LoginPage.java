package cn.xinfang.petition.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** 登录 – the sign-in form ({@code username}, {@code password}); Spring Security checks it at POST /login. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
