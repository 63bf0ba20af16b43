//! The robustness of a category's winner, next to the winner, in plain
//! language ("De winnaar hangt af van één jurylid: zonder X wint Y"), with
//! each check that does not confirm it and the chair's confirmation (or
//! that it is still needed). Read-only markup.

use crate::i18n::format::shown_date;
use crate::i18n::jury_results::{finding_text, robustness_headline, R};
use crate::i18n::Text;
use crate::markup::Markup;
use rubric::jury::views::CategoryResults;
use rubric::jury::JuryResults;
use rubric::Lang;

pub fn robustness_note(m: &mut Markup, lang: Lang, c: &CategoryResults, r: &JuryResults) {
    let Some(rob) = &r.robustness else { return };
    let finalist = |k: &str| c.finalist_name(k);
    let juror = |k: &str| c.juror_name(k);
    m.raw(if rob.robust {
        "<div class=\"robustness robust\" data-testid=\"robustness\" data-robust=\"true\">"
    } else {
        "<div class=\"robustness not-robust\" data-testid=\"robustness\" data-robust=\"false\" role=\"note\">"
    });
    m.el("<p class=\"robustness-headline\"><strong>", &robustness_headline(lang, rob, &finalist, &juror), "</strong></p>");
    let findings = rob.findings();
    if !findings.is_empty() {
        m.raw("<ul class=\"robustness-findings\">");
        for f in &findings {
            m.el("<li>", &finding_text(lang, f, &finalist, &juror), "</li>");
        }
        m.raw("</ul>");
        match &c.acknowledgement {
            Some(a) => {
                let text = format!(
                    "{} {} ({}), {}: {}",
                    R::Acknowledged.t(lang),
                    a.chair_name,
                    shown_date(lang, a.at),
                    R::AcknowledgedBy.t(lang),
                    a.reason
                );
                m.el("<p class=\"acknowledged\" data-testid=\"acknowledged\">", &text, "</p>");
            }
            None => {
                m.el("<p class=\"small\" data-testid=\"needs-confirmation\">", R::ChairMustConfirm.t(lang), "</p>");
            }
        }
    }
    m.raw("</div>");
}
