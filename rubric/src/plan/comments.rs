//! Comment threads on a plan: attached to a goal or an action, started by
//! the matched company or the coordinator, answered by the school, resolved
//! or reopened. The server stores them; this module owns their shape, the
//! body rules and the open/resolved/unread counts.

use crate::people::Role;
use serde::{Deserialize, Serialize};

/// Longest comment body, in characters.
pub const MAX_COMMENT_CHARS: usize = 4000;

/// What a thread is about: `{"kind": "goal", "id": 5}`. Read through
/// [`TargetWire`] (the same JSON): the derived decoder of an adjacently
/// tagged enum buffers the value when the id comes first (issue 13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "kebab-case", from = "TargetWire")]
pub enum CommentTarget {
    Goal(i64),
    Action(i64),
}

/// Which [`CommentTarget`] a [`TargetWire`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum TargetKind {
    Goal,
    Action,
}

/// A [`CommentTarget`] as its JSON is written: the kind and the id side by
/// side, decoded field by field without buffering.
#[derive(Deserialize)]
struct TargetWire {
    kind: TargetKind,
    id: i64,
}

impl From<TargetWire> for CommentTarget {
    fn from(w: TargetWire) -> CommentTarget {
        match w.kind {
            TargetKind::Goal => CommentTarget::Goal(w.id),
            TargetKind::Action => CommentTarget::Action(w.id),
        }
    }
}

/// One comment in a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub id: i64,
    pub thread_id: i64,
    pub author_id: i64,
    pub author_name: String,
    pub author_role: Role,
    pub body: String,
    /// When it was written, in Unix seconds.
    pub created_at: i64,
}

/// A thread of comments on one goal or action, oldest comment first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thread {
    pub id: i64,
    pub target: CommentTarget,
    pub resolved: bool,
    pub comments: Vec<Comment>,
}

impl Thread {
    /// Comments by others written after `last_read` (all of them when the
    /// reader never read the plan's comments).
    pub fn unread(&self, reader_id: i64, last_read: Option<i64>) -> usize {
        self.comments
            .iter()
            .filter(|c| c.author_id != reader_id && last_read.is_none_or(|t| c.created_at > t))
            .count()
    }

    /// When the last comment was written.
    pub fn last_activity(&self) -> Option<i64> {
        self.comments.iter().map(|c| c.created_at).max()
    }
}

/// How many threads are open and resolved, and how many comments the reader
/// has not seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ThreadCounts {
    pub open: usize,
    pub resolved: usize,
    pub unread: usize,
}

/// Count `threads` for one reader. A comment is unread when someone else
/// wrote it after `last_read` (Unix seconds; `None` when the reader has never
/// opened the comments), in open and resolved threads alike.
pub fn thread_counts(threads: &[Thread], reader_id: i64, last_read: Option<i64>) -> ThreadCounts {
    threads.iter().fold(ThreadCounts::default(), |mut counts, t| {
        if t.resolved {
            counts.resolved += 1;
        } else {
            counts.open += 1;
        }
        counts.unread += t.unread(reader_id, last_read);
        counts
    })
}

/// Who may start a thread: the matched company and the coordinator (the
/// server also checks that the company is the school's match).
pub fn may_start_thread(role: Role) -> bool {
    crate::access::may_in_some_relation(role, crate::access::Action::StartThread)
}

/// Who may reply in a thread: the company, the coordinator and the school.
pub fn may_reply(role: Role) -> bool {
    crate::access::may_in_some_relation(role, crate::access::Action::Comment)
}

/// What is wrong with a comment body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum CommentError {
    #[error("the comment is empty")]
    Empty,
    #[error("the comment is {chars} characters long; at most {MAX_COMMENT_CHARS} are allowed")]
    TooLong { chars: usize },
    #[error("the comment contains a control character (only line breaks and tabs are allowed)")]
    ControlCharacter,
}

/// A trimmed, non-empty comment body of at most [`MAX_COMMENT_CHARS`]
/// characters; line breaks and tabs are kept (`\r\n` becomes `\n`), other
/// control characters are refused.
pub fn validate_comment_body(raw: &str) -> Result<String, CommentError> {
    let body = raw.trim().replace("\r\n", "\n");
    if body.is_empty() {
        return Err(CommentError::Empty);
    }
    let chars = body.chars().count();
    if chars > MAX_COMMENT_CHARS {
        return Err(CommentError::TooLong { chars });
    }
    if body.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(CommentError::ControlCharacter);
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_read_back_as_written_in_any_field_order() {
        for t in [CommentTarget::Goal(5), CommentTarget::Action(7)] {
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(serde_json::from_str::<CommentTarget>(&json).unwrap(), t);
        }
        assert_eq!(serde_json::to_string(&CommentTarget::Goal(5)).unwrap(), r#"{"kind":"goal","id":5}"#);
        assert_eq!(serde_json::from_str::<CommentTarget>(r#"{"id":7,"kind":"action"}"#).unwrap(), CommentTarget::Action(7));
        assert!(serde_json::from_str::<CommentTarget>(r#"{"kind":"plan","id":7}"#).is_err());
        assert!(serde_json::from_str::<CommentTarget>(r#"{"kind":"goal"}"#).is_err());
    }

    fn comment(id: i64, author_id: i64, created_at: i64) -> Comment {
        Comment {
            id,
            thread_id: 1,
            author_id,
            author_name: format!("Person {author_id}"),
            author_role: Role::CompanyMember,
            body: "Looks good".into(),
            created_at,
        }
    }

    fn thread(id: i64, resolved: bool, comments: Vec<Comment>) -> Thread {
        Thread { id, target: CommentTarget::Action(id), resolved, comments }
    }

    #[test]
    fn counts_open_resolved_and_unread() {
        let threads = vec![
            thread(1, false, vec![comment(1, 7, 100), comment(2, 8, 200), comment(3, 7, 300)]),
            thread(2, true, vec![comment(4, 8, 150), comment(5, 9, 250)]),
            thread(3, false, vec![]),
        ];
        // Reader 7 last read at 200: comment 5 (by 9, at 250) is new; 2 is
        // exactly at the mark, 3 is their own.
        assert_eq!(
            thread_counts(&threads, 7, Some(200)),
            ThreadCounts { open: 2, resolved: 1, unread: 1 }
        );
        assert_eq!(
            thread_counts(&threads, 7, None),
            ThreadCounts { open: 2, resolved: 1, unread: 3 }
        );
        assert_eq!(thread_counts(&threads, 7, Some(1_000)).unread, 0);
        assert_eq!(thread_counts(&[], 7, None), ThreadCounts::default());
        assert_eq!(threads[0].last_activity(), Some(300));
        assert_eq!(threads[2].last_activity(), None);
    }

    #[test]
    fn comment_bodies_are_checked() {
        assert_eq!(
            validate_comment_body("  Nice plan!\r\nOne question.  "),
            Ok("Nice plan!\nOne question.".into())
        );
        assert_eq!(validate_comment_body(" \n "), Err(CommentError::Empty));
        assert_eq!(
            validate_comment_body(&"é".repeat(4001)),
            Err(CommentError::TooLong { chars: 4001 })
        );
        assert!(validate_comment_body(&"é".repeat(4000)).is_ok());
        assert_eq!(validate_comment_body("a\u{1b}[31m"), Err(CommentError::ControlCharacter));
        assert_eq!(
            CommentError::TooLong { chars: 4001 }.to_string(),
            "the comment is 4001 characters long; at most 4000 are allowed"
        );
    }

    #[test]
    fn who_may_comment() {
        assert!(may_start_thread(Role::CompanyMember) && may_start_thread(Role::Coordinator));
        assert!(!may_start_thread(Role::SchoolMember) && !may_start_thread(Role::Juror));
        assert!(may_reply(Role::SchoolMember) && !may_reply(Role::Juror));
    }

    #[test]
    fn threads_round_trip_as_json() {
        let t = thread(4, false, vec![comment(1, 7, 100)]);
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(json["target"], serde_json::json!({"kind": "action", "id": 4}));
        assert_eq!(json["comments"][0]["author_role"], "company-member");
        assert_eq!(serde_json::from_value::<Thread>(json).unwrap(), t);
    }
}
