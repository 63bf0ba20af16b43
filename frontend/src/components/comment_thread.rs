//! One comment thread on a goal or action: the comments oldest first (new
//! ones marked for the reader), the reply box, and resolve or reopen.
//! A view function, not a component (issue 13: each component type costs
//! Yew's machinery again in the app); keyed by the thread.

use super::comment_box::{comment_box, CommentBox};
use crate::i18n::common::role_name;
use crate::i18n::plans::P;
use crate::i18n::{format, Lang, Text};
use crate::tree::Tree;
use rubric::plan::Thread;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// "12 maart 2026 14:05" in the browser's time zone.
pub fn when(secs: i64, lang: Lang) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(secs as f64 * 1000.0));
    let day = rubric::Date::new(d.get_full_year() as u16, (d.get_month() + 1) as u8, d.get_date() as u8)
        .map(|day| format::date(lang, day))
        .unwrap_or_default();
    format!("{day} {:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// One thread and what the reader may do with it.
pub struct CommentThread {
    pub thread: Thread,
    pub reader_id: i64,
    pub last_read: Option<i64>,
    pub can_reply: bool,
    /// The reply being written; `None` when the reply box is closed.
    pub draft: Option<String>,
    pub error: Option<String>,
    pub busy: bool,
    pub on_draft: Callback<String>,
    pub on_reply: Callback<()>,
    pub on_resolve: Callback<bool>,
    pub on_cancel: Callback<()>,
}

pub fn comment_thread(lang: Lang, props: CommentThread) -> Html {
    let t = &props.thread;
    let toggle = {
        let cb = props.on_resolve.clone();
        let resolve = !t.resolved;
        Callback::from(move |_: MouseEvent| cb.emit(resolve))
    };
    let mut m = Tree::new();
    m.open("ol", "comments");
    for c in &t.comments {
        let new = c.author_id != props.reader_id && props.last_read.is_none_or(|r| c.created_at > r);
        m.open("li", "comment").attr("data-testid", "comment").open("div", "comment-meta").el("strong", "", &c.author_name);
        m.el("span", "muted small", &format!(" · {} · {}", role_name(c.author_role).t(lang), when(c.created_at, lang)));
        if new {
            m.el("span", "new-badge", P::New.t(lang));
        }
        m.close().open("p", "pre").linked_text(&c.body).close().close();
    }
    let comments = m.html();
    html! {
        <div key={t.id} class={classes!("thread", t.resolved.then_some("resolved"))} data-testid="thread" data-thread-id={t.id.to_string()}
            data-resolved={t.resolved.to_string()}>
            <div class="thread-head">
                <span class={classes!("thread-state", if t.resolved { "is-resolved" } else { "is-open" })}>
                    { if t.resolved { P::Resolved.t(lang) } else { P::Open.t(lang) } }
                </span>
                if props.can_reply {
                    <button type="button" class="link-button small" onclick={toggle} data-testid="toggle-resolved">
                        { if t.resolved { P::Reopen.t(lang) } else { P::Resolve.t(lang) } }
                    </button>
                }
            </div>
            { comments }
            if props.can_reply && !t.resolved {
                if let Some(draft) = props.draft.clone() {
                    { comment_box(lang, CommentBox {
                        id: format!("reply-{}", t.id),
                        label: P::ReplyLabel.t(lang).into(),
                        value: draft,
                        error: props.error.clone(),
                        busy: props.busy,
                        on_change: props.on_draft.clone(),
                        on_send: props.on_reply.clone(),
                        on_cancel: Some(props.on_cancel.clone()),
                    }) }
                } else {
                    <button type="button" class="link-button small" data-testid="reply"
                        onclick={{ let cb = props.on_draft.clone(); Callback::from(move |_| cb.emit(String::new())) }}>
                        { P::ReplyLabel.t(lang) }
                    </button>
                }
            }
        </div>
    }
}
