//! Pieces of the coordinator's programme set-up: form fields, the edition
//! (and its evidence-file limits),
//! school, company, session and invitation forms, the CSV import panel,
//! the dashboard's badges and timeline, the matching profile, the
//! attendance editor and the sign-in link box. Props in, callbacks out.

pub mod attendance_editor;
pub mod company_form;
pub mod csv_import;
pub mod edition_form;
pub mod evidence_limits;
pub mod form_field;
pub mod invite_form;
pub mod link_box;
pub mod profile_bars;
pub mod school_form;
pub mod session_form;
pub mod step_badge;
pub mod timeline;
pub mod track_picker;

use crate::api::ApiError;
use crate::i18n::programme::error_text;
use crate::i18n::Text;
use rubric::programme::FieldError;
use rubric::Lang;

/// The message to show at a field: a local validation error (translated)
/// first, else the server's problem there: in the interface's words when
/// it names it with a code, else as the server wrote it.
pub fn field_message(lang: Lang, local: &[FieldError], server: Option<&ApiError>, key: &str) -> Option<String> {
    local
        .iter()
        .find(|e| e.field.key() == key)
        .map(|e| error_text(lang, &e.error))
        .or_else(|| {
            let f = server?.fields.iter().find(|f| f.field == key)?;
            Some(match f.code {
                Some(rubric::errors::FieldCode::RubricVersionInUse) => crate::i18n::rubric_versions::R::VersionInUse.t(lang).to_string(),
                code => code.and_then(crate::i18n::common::field_code_text).map_or_else(|| f.message.clone(), |text| text.t(lang).to_string()),
            })
        })
}

/// The value of an input, select or textarea from its event.
pub fn input_value(e: &yew::Event) -> String {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| {
            if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
                Some(i.value())
            } else if let Some(s) = t.dyn_ref::<web_sys::HtmlSelectElement>() {
                Some(s.value())
            } else {
                t.dyn_ref::<web_sys::HtmlTextAreaElement>().map(|a| a.value())
            }
        })
        .unwrap_or_default()
}

/// Ask before something destructive (the browser's own dialog, keyboard
/// accessible). `false` when the person cancels or there is no window.
pub fn confirm(message: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(message).ok()).unwrap_or(false)
}
