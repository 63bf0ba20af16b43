//! The one write path: reads go through `query_only` connections, so a
//! write outside the writer fails instead of racing; a write waits for the
//! writer's turn instead of failing while someone else writes; sign-in
//! redeems the link and starts the session in one transaction; and the audit
//! line of an action is written with it or not at all.

use crate::common::{self, Who};
use crate::load::serve;
use axum::http::Method;
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn the_read_pool_refuses_every_write() {
    let w = common::World::empty().await;
    let err = sqlx::query("insert into settings (key, value) values ('x', 'y')")
        .execute(&w.state.db)
        .await
        .expect_err("a write through the read pool");
    assert!(err.to_string().contains("readonly"), "{err}");
    // The same statement through the writer is fine.
    let mut tx = w.state.write().await.expect("the write turn");
    sqlx::query("insert into settings (key, value) values ('x', 'y')").execute(&mut *tx).await.expect("write");
    tx.commit().await.expect("commit");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_waits_while_another_person_writes_instead_of_failing() {
    let w = common::world().await;
    let served = serve(w.state.clone()).await;
    let cookie = w.cookie(Who::TeacherA).expect("teacher").to_string();
    let indicator = rubric::current_rubric().indicators().map(|(_, i)| i.id.clone()).next().expect("an indicator");
    let uri = format!("{}/api/measurements/{}/answers/{indicator}", served.base, w.ids.measurement_a);

    // Someone holds the write lock (as a long import would) ...
    let held = w.state.write().await.expect("the write turn");
    let body = json!({"answer": 4, "comment": "tijdens een andere schrijfactie", "version": 1});
    let request = tokio::spawn(async move {
        reqwest::Client::new().put(uri).header("cookie", cookie).json(&body).send().await.map(|r| r.status().as_u16())
    });
    // ... the autosave waits for its turn ...
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!request.is_finished(), "the write did not wait for the one holding the lock");
    // ... and succeeds once the lock is free.
    held.commit().await.expect("commit");
    let status = tokio::time::timeout(Duration::from_secs(10), request).await.expect("an answer").expect("task").expect("http");
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_refused_action_leaves_no_audit_line_and_a_done_one_exactly_one() {
    let w = common::world().await;
    let audits = || w.scalar("select count(*) from audit_log where action = 'session-update'");
    let before = audits().await;
    let uri = format!("/api/sessions/{}", w.ids.session);
    // A stale write changes nothing, its audit line included.
    let stale = json!({"date": "2026-02-03", "place": "Brugge", "topic": "", "version": 99});
    assert_eq!(w.call(Who::Coord, Method::PUT, &uri, Some(&stale)).await.status, 409);
    assert_eq!(audits().await, before);
    let fresh = json!({"date": "2026-02-03", "place": "Brugge", "topic": "", "version": 1});
    w.ok(Who::Coord, Method::PUT, &uri, Some(&fresh)).await;
    assert_eq!(audits().await, before + 1);
}
