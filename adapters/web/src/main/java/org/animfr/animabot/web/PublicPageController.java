package org.animfr.animabot.web;

import java.util.function.Supplier;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.session.Catalog;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The public page ({@code /}): the network's sessions for anyone, in French or English. */
@Controller
class PublicPageController {
    private final Supplier<Catalog> catalog;
    private final PublicPage page;

    PublicPageController(Supplier<Catalog> catalog, PublicPage page) {
        this.catalog = catalog;
        this.page = page;
    }

    @GetMapping("/")
    String page(@RequestParam(name = "lang", required = false) String picked,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted, Model model) {
        Catalog now = catalog.get();
        Language l = VisitorLanguage.of(picked, accepted, now.network().language());
        model.addAttribute("page", page.view(now, l));
        return "sessions";
    }
}
