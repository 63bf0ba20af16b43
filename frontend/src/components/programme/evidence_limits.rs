//! An edition's limits on evidence files (issue 16): the largest file and
//! each school's space, in whole MB, loaded from the server, checked with
//! the rubric's rules at each field before they are sent, saved with their
//! own button.

use super::form_field::{form_field, FieldSpec};
use crate::api;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::hooks::fetch::{use_fetch, Fetch};
use crate::hooks::use_lang;
use crate::i18n::evidence_limits::{limits_error, L};
use crate::i18n::Text;
use rubric::evidence::{validate_limits, EvidenceLimits, LimitsInput, MB};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EvidenceLimitsProps {
    pub edition: i64,
}

/// The two fields as typed.
#[derive(Clone, PartialEq)]
struct Typed {
    max_file: String,
    quota: String,
}

impl Typed {
    fn of(l: &EvidenceLimits) -> Typed {
        Typed { max_file: (l.max_file_bytes / MB).to_string(), quota: (l.school_quota_bytes / MB).to_string() }
    }
}

/// The problem at each field (`max_file_mb`, `school_quota_mb`), if any.
fn check(t: &Typed) -> Result<LimitsInput, Vec<(&'static str, L)>> {
    let max_file = t.max_file.trim().parse::<u64>();
    let quota = t.quota.trim().parse::<u64>();
    let mut problems = Vec::new();
    if max_file.is_err() {
        problems.push(("max_file_mb", L::NotANumber));
    }
    if quota.is_err() {
        problems.push(("school_quota_mb", L::NotANumber));
    }
    let (Ok(max_file_mb), Ok(school_quota_mb)) = (max_file, quota) else { return Err(problems) };
    let input = LimitsInput { max_file_mb, school_quota_mb };
    validate_limits(input).map(|_| input).map_err(|errors| errors.into_iter().map(|e| (e.field(), limits_error(e))).collect())
}

#[component]
pub fn EvidenceLimitsPanel(props: &EvidenceLimitsProps) -> Html {
    let lang = use_lang();
    let limits = use_fetch(props.edition, api::programme::evidence_limits);
    let typed = use_state(|| None::<Typed>);
    let problems = use_state(Vec::<(&'static str, L)>::new);
    let server_error = use_state(|| None::<api::ApiError>);
    let saved = use_state(|| false);
    let busy = use_state(|| false);
    let loaded = match &limits.state {
        Fetch::Loading => return html! { <section class="panel" data-testid="evidence-limits"><Loading /></section> },
        Fetch::Failed(e) => {
            return html! { <section class="panel" data-testid="evidence-limits"><ErrorBox error={e.clone()} on_retry={limits.reload.clone()} /></section> }
        }
        Fetch::Ready(l) => Typed::of(l),
    };
    let shown = (*typed).clone().unwrap_or(loaded);
    let set = |f: fn(&mut Typed, String)| {
        let (typed, saved, shown) = (typed.clone(), saved.clone(), shown.clone());
        Callback::from(move |v: String| {
            let mut next = shown.clone();
            f(&mut next, v);
            typed.set(Some(next));
            saved.set(false);
        })
    };
    let on_submit = {
        let (shown, problems, server_error, saved, busy, typed, edition) =
            (shown.clone(), problems.clone(), server_error.clone(), saved.clone(), busy.clone(), typed.clone(), props.edition);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match check(&shown) {
                Err(found) => problems.set(found),
                Ok(input) => {
                    problems.set(Vec::new());
                    server_error.set(None);
                    busy.set(true);
                    let (server_error, saved, busy, typed) = (server_error.clone(), saved.clone(), busy.clone(), typed.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        match api::programme::set_evidence_limits(edition, &input).await {
                            Ok(now) => {
                                typed.set(Some(Typed::of(&now)));
                                saved.set(true);
                            }
                            Err(e) => server_error.set(Some(e)),
                        }
                        busy.set(false);
                    });
                }
            }
        })
    };
    let error_at = |field: &str| {
        problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, l)| l.t(lang).to_string())
            .or_else(|| server_error.as_ref().and_then(|e| e.field(field)).map(str::to_string))
    };
    let general = server_error.as_ref().filter(|e| e.fields.is_empty()).cloned();
    html! {
        <section class="panel" data-testid="evidence-limits">
            <h2>{ L::Title.t(lang) }</h2>
            <p class="small">{ L::Lead.t(lang) }</p>
            <form class="form" onsubmit={on_submit} novalidate=true>
                <div class="form-grid">
                    { form_field(FieldSpec { id: "max_file_mb", label: L::MaxFile.t(lang), value: shown.max_file.clone(), kind: "number",
                        required: true, error: error_at("max_file_mb"), on_input: set(|t, v| t.max_file = v) }) }
                    { form_field(FieldSpec { id: "school_quota_mb", label: L::Quota.t(lang), value: shown.quota.clone(), kind: "number",
                        required: true, error: error_at("school_quota_mb"), on_input: set(|t, v| t.quota = v) }) }
                </div>
                if let Some(e) = general { <ErrorBox error={e} /> }
                <div class="form-buttons">
                    <button type="submit" class="button" disabled={*busy} data-testid="save-evidence-limits">{ L::Save.t(lang) }</button>
                </div>
                if *saved { <p class="notice" role="status" data-testid="evidence-limits-saved">{ L::Saved.t(lang) }</p> }
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_problem_is_at_its_field() {
        let t = |m: &str, q: &str| check(&Typed { max_file: m.into(), quota: q.into() });
        assert_eq!(t("5", "20"), Ok(LimitsInput { max_file_mb: 5, school_quota_mb: 20 }));
        assert_eq!(t("vijf", "20"), Err(vec![("max_file_mb", L::NotANumber)]));
        assert_eq!(t("0", "20"), Err(vec![("max_file_mb", L::MaxFileRange)]));
        assert_eq!(t("40", "20"), Err(vec![("school_quota_mb", L::QuotaBelowFile)]));
        assert_eq!(t("", "-3"), Err(vec![("max_file_mb", L::NotANumber), ("school_quota_mb", L::NotANumber)]));
    }
}
