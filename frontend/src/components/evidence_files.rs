//! The evidence files of one answer, consensus or plan action: the list
//! (name as a download link, size, who and when), adding a file by
//! choosing or dropping it with its upload's progress, deleting with undo,
//! and why a file was refused, under the field. Reads the page's
//! [`EvidenceScope`] from the context; renders nothing without one (or
//! without files for a reader who cannot add any).

use crate::api;
use crate::hooks::evidence::EvidenceScope;
use crate::hooks::use_lang;
use crate::i18n::evidence::{file_size, hint, upload_error, Ev};
use crate::i18n::nulmeting::unix_date;
use crate::i18n::Text;
use rubric::evidence::{check_upload, EvidenceItem, SizeError};
use rubric::errors::FieldCode;
use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

/// What the files belong to.
#[derive(Clone, PartialEq)]
pub enum Target {
    /// The signed-in person's own answer to an indicator.
    Answer(AttrValue),
    Consensus(AttrValue),
    Action(i64),
}

impl Target {
    fn holds(&self, item: &EvidenceItem, me: i64) -> bool {
        match (self, item) {
            (Target::Answer(i), EvidenceItem::Answer { indicator_id, person_id, .. }) => i.as_str() == indicator_id && *person_id == me,
            (Target::Consensus(i), EvidenceItem::Consensus { indicator_id, .. }) => i.as_str() == indicator_id,
            (Target::Action(a), EvidenceItem::Action { action_id }) => a == action_id,
            _ => false,
        }
    }

    fn path(&self, scope: &EvidenceScope) -> String {
        match self {
            Target::Answer(i) => format!("/measurements/{}/answers/{i}/evidence", scope.measurement_id),
            Target::Consensus(i) => format!("/measurements/{}/consensus/{i}/evidence", scope.measurement_id),
            Target::Action(a) => format!("/schools/{}/plan/actions/{a}/evidence", scope.school_id),
        }
    }

    fn key(&self) -> String {
        match self {
            Target::Answer(i) => format!("answer-{i}"),
            Target::Consensus(i) => format!("consensus-{i}"),
            Target::Action(a) => format!("action-{a}"),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct EvidenceFilesProps {
    pub target: Target,
    /// May add and delete (the server decides again).
    pub editable: bool,
    /// The page's files, when the page hands them down itself (the
    /// nulmeting sheet); otherwise they are read from the context. Handing
    /// them down spares the school app a context provider type (issue 13).
    #[prop_or_default]
    pub scope: Option<EvidenceScope>,
}

/// What the component shows beside the files: one reducer, where a state
/// per field cost Yew's state machinery once per type (issue 13).
#[derive(Clone, Default, PartialEq)]
struct Local {
    /// An upload's percentage while it runs.
    progress: Option<u8>,
    /// Why the last file was refused.
    error: Option<String>,
    /// The file just deleted, for undo.
    undo: Option<i64>,
    /// A file is dragged over the drop zone.
    dragging: bool,
}

enum Set {
    Progress(Option<u8>),
    Error(Option<String>),
    Undo(Option<i64>),
    Dragging(bool),
}

impl Reducible for Local {
    type Action = Set;

    fn reduce(self: std::rc::Rc<Self>, set: Set) -> std::rc::Rc<Self> {
        let mut s = (*self).clone();
        match set {
            Set::Progress(p) => s.progress = p,
            Set::Error(e) => s.error = e,
            Set::Undo(u) => s.undo = u,
            Set::Dragging(d) => s.dragging = d,
        }
        std::rc::Rc::new(s)
    }
}

#[component]
pub fn EvidenceFiles(props: &EvidenceFilesProps) -> Html {
    let lang = use_lang();
    let from_context = use_context::<Option<EvidenceScope>>().flatten();
    let scope = props.scope.clone().or(from_context);
    let local = use_reducer(Local::default);
    let set = {
        let d = local.dispatcher();
        Callback::from(move |s: Set| d.dispatch(s))
    };
    let Some(scope) = scope else { return html! {} };
    let list = scope.list.clone();
    let files: Vec<_> = list.files.iter().filter(|f| props.target.holds(&f.item, scope.me)).collect();
    if files.is_empty() && !props.editable {
        return html! {};
    }
    let start = {
        let (set, scope, path) = (set.clone(), scope.clone(), props.target.path(&scope));
        Callback::from(move |file: File| {
            let list = scope.list.clone();
            // Said at once when the browser already knows (the server checks again).
            if let Err(e) = check_upload(file.size() as u64, list.used_bytes, true, list.limits) {
                let code = match e {
                    SizeError::TooLarge { .. } => FieldCode::FileTooLarge,
                    SizeError::QuotaFull { .. } => FieldCode::QuotaFull,
                };
                set.emit(Set::Error(Some(crate::i18n::evidence::refusal(lang, Some(code), &list))));
                return;
            }
            set.emit(Set::Error(None));
            set.emit(Set::Progress(Some(0)));
            let on_progress = set.reform(|p: u8| Set::Progress(Some(p)));
            let on_done = {
                let (set, reload) = (set.clone(), scope.reload.clone());
                Callback::from(move |outcome: Result<(), api::ApiError>| {
                    set.emit(Set::Progress(None));
                    match outcome {
                        Ok(()) => reload.emit(()),
                        Err(e) => set.emit(Set::Error(Some(upload_error(lang, &e, &list)))),
                    }
                })
            };
            api::evidence::upload(&path, &file, on_progress, on_done);
        })
    };
    let on_pick = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    start.emit(file);
                }
                input.set_value("");
            }
        })
    };
    let on_drop = {
        let (start, set) = (start.clone(), set.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            set.emit(Set::Dragging(false));
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                start.emit(file);
            }
        })
    };
    let on_over = {
        let set = set.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            set.emit(Set::Dragging(true));
        })
    };
    let on_leave = set.reform(|_: DragEvent| Set::Dragging(false));
    // Deleting and undoing run through one closure: one task in the app.
    let set_deleted = {
        let (set, reload) = (set.clone(), scope.reload.clone());
        Callback::from(move |(id, deleted): (i64, bool)| {
            let (set, reload) = (set.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::evidence::set_deleted(id, deleted).await {
                    Ok(()) => set.emit(Set::Undo(deleted.then_some(id))),
                    Err(e) => set.emit(Set::Error(Some(e.message))),
                }
                reload.emit(());
            });
        })
    };
    let delete = |id: i64| set_deleted.reform(move |_: MouseEvent| (id, true));
    let restore = {
        let (undo, set_deleted) = (local.undo, set_deleted.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(id) = undo {
                set_deleted.emit((id, false));
            }
        })
    };
    let key = props.target.key();
    let (input_id, hint_id, error_id) = (format!("ev-{key}"), format!("ev-{key}-hint"), format!("ev-{key}-error"));
    let described = if local.error.is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() };
    html! {
        <div class="evidence-files" data-testid="evidence">
            <h4 class="evidence-title">{ Ev::Heading.t(lang) }</h4>
            if files.is_empty() {
                <p class="muted small">{ Ev::Empty.t(lang) }</p>
            } else {
                <ul class="evidence-list">
                    { for files.iter().map(|f| html! {
                        <li data-testid="evidence-file" data-file-id={f.id.to_string()}>
                            <a href={format!("/api/evidence/{}", f.id)} download={f.name.clone()}>{ &f.name }</a>
                            <span class="muted small">{ format!(" {} · {}, {}", file_size(lang, f.size), f.uploaded_by_name, unix_date(lang, f.uploaded_at)) }</span>
                            if props.editable {
                                <button type="button" class="link-button small" data-testid="evidence-delete"
                                    aria-label={format!("{} {}", Ev::Delete.t(lang), f.name)} onclick={delete(f.id)}>{ Ev::Delete.t(lang) }</button>
                            }
                        </li>
                    }) }
                </ul>
            }
            if local.undo.is_some() {
                <p class="small" role="status">
                    { Ev::Deleted.t(lang) }{ " " }
                    <button type="button" class="link-button small" data-testid="evidence-undo" onclick={restore}>{ Ev::Undo.t(lang) }</button>
                </p>
            }
            if props.editable {
                <div class={classes!("evidence-drop", local.dragging.then_some("dragging"))} ondragover={on_over} ondragleave={on_leave} ondrop={on_drop}>
                    <label for={input_id.clone()}>{ Ev::Add.t(lang) }</label>
                    <input type="file" id={input_id} data-testid="evidence-input" onchange={on_pick} disabled={local.progress.is_some()}
                        accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp"
                        aria-invalid={local.error.is_some().to_string()} aria-describedby={described} />
                    <p class="muted small" id={hint_id}>{ hint(lang, &list) }</p>
                    if let Some(p) = local.progress {
                        <p class="small" role="status" data-testid="evidence-progress">
                            <progress max="100" value={p.to_string()} aria-label={Ev::Uploading.t(lang)} />{ format!(" {} {p}%", Ev::Uploading.t(lang)) }
                        </p>
                    }
                    if let Some(msg) = local.error.clone() {
                        <p class="field-error" id={error_id} role="alert" data-testid="evidence-error">{ msg }</p>
                    }
                </div>
            }
        </div>
    }
}
