//! The comment threads on one goal or action of the plan page, each with
//! its reply box, and the box (or the button) to start a new thread.

use crate::components::comment_box::{comment_box, CommentBox};
use crate::components::comment_thread::{comment_thread, CommentThread};
use crate::hooks::plan_editor::PlanEditor;
use crate::hooks::plan_state::{comment_key, reply_key};
use crate::i18n::plans::P;
use crate::i18n::Text;
use rubric::plan::CommentTarget;
use yew::prelude::*;

/// The threads and boxes (a view function: the drafts live in the editor).
pub fn item_comments(ed: &PlanEditor, target: CommentTarget) -> Html {
    let (lang, access) = (ed.lang, ed.page.access);
    let key = comment_key(target);
    let error_for = |k: &str| ed.comment_error.clone().filter(|(ek, _)| ek == k).map(|(_, m)| m);
    // Change (`Some`) or close (`None`) the draft under `k`.
    let set = |k: &String| {
        let (ed, k) = (ed.clone(), k.clone());
        Callback::from(move |t: Option<String>| ed.comment(k.clone(), t))
    };
    let send = |k: &String, thread: Option<i64>| {
        let (ed, k) = (ed.clone(), k.clone());
        Callback::from(move |()| ed.send_comment(k.clone(), thread, target))
    };
    let threads = ed.page.threads_on(target);
    let new_box = ed.draft.comments.get(&key).cloned().map(|text| {
        comment_box(lang, CommentBox {
            id: format!("new-{key}"),
            label: P::NewThreadLabel.t(lang).into(),
            value: text,
            error: error_for(&key),
            busy: ed.busy,
            on_change: set(&key).reform(Some),
            on_send: send(&key, None),
            on_cancel: Some(set(&key).reform(|()| None)),
        })
    });
    if threads.is_empty() && new_box.is_none() && !access.start_threads {
        return html! {};
    }
    html! {
        <div class="item-comments">
            { for threads.into_iter().map(|t| {
                let tkey = reply_key(t.id);
                let on_resolve = { let (ed, tid) = (ed.clone(), t.id); Callback::from(move |r: bool| ed.resolve(tid, r)) };
                comment_thread(lang, CommentThread {
                    thread: t.clone(),
                    reader_id: ed.page.reader_id,
                    last_read: ed.page.last_read,
                    can_reply: access.reply,
                    draft: ed.draft.comments.get(&tkey).cloned(),
                    error: error_for(&tkey),
                    busy: ed.busy,
                    on_draft: set(&tkey).reform(Some),
                    on_reply: send(&tkey, Some(t.id)),
                    on_resolve,
                    on_cancel: set(&tkey).reform(|()| None),
                })
            }) }
            if let Some(b) = new_box {
                { b }
            } else if access.start_threads {
                <button type="button" class="link-button small" data-testid="start-thread"
                    onclick={set(&key).reform(|_: MouseEvent| Some(String::new()))}>
                    { P::StartThread.t(lang) }
                </button>
            }
        </div>
    }
}
