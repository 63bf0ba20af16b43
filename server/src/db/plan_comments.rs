//! The SQL of comment threads on a plan: threads on a goal or an action,
//! their comments, resolving and reopening, and when each person last read
//! a plan's comments (for unread counts).

use super::now;
use rubric::people::Role;
use rubric::plan::{Comment, CommentTarget, Thread};
use sqlx::SqliteExecutor;

fn target(kind: &str, id: i64) -> Option<CommentTarget> {
    match kind {
        "goal" => Some(CommentTarget::Goal(id)),
        "action" => Some(CommentTarget::Action(id)),
        _ => None,
    }
}

fn target_parts(t: CommentTarget) -> (&'static str, i64) {
    match t {
        CommentTarget::Goal(id) => ("goal", id),
        CommentTarget::Action(id) => ("action", id),
    }
}

/// Every thread of a plan with its comments, oldest thread and comment first.
pub async fn threads(db: &mut sqlx::SqliteConnection, plan_id: i64) -> sqlx::Result<Vec<Thread>> {
    let heads: Vec<(i64, String, i64, Option<i64>)> = sqlx::query_as(
        "select id, target_kind, target_id, resolved_at from threads where plan_id = ? order by created_at, id",
    )
    .bind(plan_id)
    .fetch_all(&mut *db)
    .await?;
    let comments: Vec<(i64, i64, i64, String, String, String, i64)> = sqlx::query_as(
        "select c.id, c.thread_id, c.author_id, p.name, p.role, c.body, c.created_at from comments c \
         join threads t on t.id = c.thread_id join people p on p.id = c.author_id \
         where t.plan_id = ? order by c.created_at, c.id",
    )
    .bind(plan_id)
    .fetch_all(&mut *db)
    .await?;
    Ok(heads
        .into_iter()
        .filter_map(|(id, kind, target_id, resolved_at)| {
            Some(Thread {
                id,
                target: target(&kind, target_id)?,
                resolved: resolved_at.is_some(),
                comments: comments
                    .iter()
                    .filter(|c| c.1 == id)
                    .map(|(cid, thread_id, author_id, name, role, body, created_at)| Comment {
                        id: *cid,
                        thread_id: *thread_id,
                        author_id: *author_id,
                        author_name: name.clone(),
                        author_role: Role::from_key(role).unwrap_or(Role::Coordinator),
                        body: body.clone(),
                        created_at: *created_at,
                    })
                    .collect(),
            })
        })
        .collect())
}

/// The plan a thread belongs to.
pub async fn thread_plan<'e, E: SqliteExecutor<'e>>(db: E, thread_id: i64) -> sqlx::Result<Option<(i64, CommentTarget)>> {
    let row: Option<(i64, String, i64)> =
        sqlx::query_as("select plan_id, target_kind, target_id from threads where id = ?")
            .bind(thread_id)
            .fetch_optional(db)
            .await?;
    Ok(row.and_then(|(plan, kind, id)| Some((plan, target(&kind, id)?))))
}

/// Start a thread with its first comment.
pub async fn create_thread(
    tx: &mut sqlx::SqliteConnection,
    plan_id: i64,
    on: CommentTarget,
    author_id: i64,
    body: &str,
) -> sqlx::Result<i64> {
    let (kind, target_id) = target_parts(on);
    let t = now();
    let id: i64 = sqlx::query_scalar(
        "insert into threads (plan_id, target_kind, target_id, created_at) values (?, ?, ?, ?) returning id",
    )
    .bind(plan_id)
    .bind(kind)
    .bind(target_id)
    .bind(t)
    .fetch_one(&mut *tx)
    .await?;
    add_comment(&mut *tx, id, author_id, body).await?;
    Ok(id)
}

/// Add a comment to a thread.
pub async fn add_comment<'e, E: SqliteExecutor<'e>>(db: E, thread_id: i64, author_id: i64, body: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar("insert into comments (thread_id, author_id, body, created_at) values (?, ?, ?, ?) returning id")
        .bind(thread_id)
        .bind(author_id)
        .bind(body)
        .bind(now())
        .fetch_one(db)
        .await
}

/// Resolve (`by` is the person) or reopen (`by` is `None`) a thread.
pub async fn set_resolved<'e, E: SqliteExecutor<'e>>(db: E, thread_id: i64, by: Option<i64>) -> sqlx::Result<()> {
    sqlx::query("update threads set resolved_at = ?, resolved_by = ? where id = ?")
        .bind(by.map(|_| now()))
        .bind(by)
        .bind(thread_id)
        .execute(db)
        .await?;
    Ok(())
}

/// When a person last read a plan's comments.
pub async fn last_read<'e, E: SqliteExecutor<'e>>(db: E, person_id: i64, plan_id: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("select last_read_at from plan_reads where person_id = ? and plan_id = ?")
        .bind(person_id)
        .bind(plan_id)
        .fetch_optional(db)
        .await
}

/// Record that a person has read a plan's comments up to now.
pub async fn mark_read<'e, E: SqliteExecutor<'e>>(db: E, person_id: i64, plan_id: i64) -> sqlx::Result<i64> {
    let t = now();
    sqlx::query(
        "insert into plan_reads (person_id, plan_id, last_read_at) values (?, ?, ?) \
         on conflict (person_id, plan_id) do update set last_read_at = excluded.last_read_at",
    )
    .bind(person_id)
    .bind(plan_id)
    .bind(t)
    .execute(db)
    .await?;
    Ok(t)
}
