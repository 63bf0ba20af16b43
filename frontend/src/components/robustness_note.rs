//! The robustness of a category's winner, next to the winner, in plain
//! language ("De winnaar hangt af van één jurylid: zonder X wint Y"), with
//! each check that does not confirm it and the chair's confirmation (or
//! that it is still needed). Read-only, built with [`Tree`].

use crate::i18n::format::shown_date;
use crate::i18n::jury_results::{finding_text, robustness_headline, R};
use crate::i18n::Text;
use crate::tree::Tree;
use rubric::jury::views::CategoryResults;
use rubric::jury::JuryResults;
use rubric::Lang;

pub fn robustness_note(m: &mut Tree, lang: Lang, c: &CategoryResults, r: &JuryResults) {
    let Some(rob) = &r.robustness else { return };
    let finalist = |k: &str| c.finalist_name(k);
    let juror = |k: &str| c.juror_name(k);
    if rob.robust {
        m.open("div", "robustness robust").attr("data-testid", "robustness").attr("data-robust", "true");
    } else {
        m.open("div", "robustness not-robust").attr("data-testid", "robustness").attr("data-robust", "false").attr("role", "note");
    }
    m.open("p", "robustness-headline").el("strong", "", &robustness_headline(lang, rob, &finalist, &juror)).close();
    let findings = rob.findings();
    if !findings.is_empty() {
        m.open("ul", "robustness-findings");
        for f in &findings {
            m.el("li", "", &finding_text(lang, f, &finalist, &juror));
        }
        m.close();
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
                m.open("p", "acknowledged").attr("data-testid", "acknowledged").text(&text).close();
            }
            None => {
                m.open("p", "small").attr("data-testid", "needs-confirmation").text(R::ChairMustConfirm.t(lang)).close();
            }
        }
    }
    m.close();
}
