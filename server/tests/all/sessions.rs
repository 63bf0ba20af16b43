//! Sessions and cookies: the cookie's attributes, expiry, sign-out on the
//! server, access that ends the moment it is removed (archived person,
//! juror taken off the jury, school re-matched or archived), forged
//! cookies; and cross-site requests: a form or `text/plain` post cannot act
//! on any write endpoint, nor can a request the browser marks as coming from
//! another site.



use axum::http::{header, Method, StatusCode};
use crate::common::{self, declared_endpoints, names, Req, Who};
use serde_json::json;
use server::state::{AppState, Config};

/// A sign-in token for a new coordinator.
async fn token_for_new_coordinator(state: &AppState) -> String {
    let p = server::db::people::NewPerson {
        name: "Koekje".into(),
        email: String::new(),
        role: rubric::people::Role::Coordinator,
        school_id: None,
        company_id: None,
        school_function: None,
    };
    server::invite::create(&state.writer, &p, None).await.expect("invite").1
}

#[tokio::test]
async fn the_session_cookie_is_http_only_strict_site_wide_and_stored_hashed() {
    let w = common::World::empty().await;
    let token = token_for_new_coordinator(&w.state).await;
    let r = w.send(Req::new(Method::POST, "/api/auth/signin").json(&json!({ "token": token }))).await;
    assert_eq!(r.status, StatusCode::OK);
    let cookie = r.headers.get(header::SET_COOKIE).and_then(|v| v.to_str().ok()).expect("a cookie").to_string();
    let attributes: Vec<&str> = cookie.split(';').map(str::trim).collect();
    for expected in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=5184000"] {
        assert!(attributes.contains(&expected), "{expected} in {cookie}");
    }
    assert!(!attributes.contains(&"Secure"), "no Secure flag on plain http: {cookie}");
    let value = attributes[0].strip_prefix("stempact_session=").expect("the session cookie");
    assert!(value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()), "{value}");
    // Only the hash is stored: the database cannot be used to sign in.
    let stored: String = sqlx::query_scalar("select token_hash from sessions").fetch_one(w.state.writer.pool()).await.unwrap();
    assert_ne!(stored, value);
    assert_eq!(stored, server::auth::hash_token(value));
    let r = w.send(Req::new(Method::GET, "/api/me").cookie(Some(&format!("stempact_session={stored}")))).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // Signing out clears the cookie with the same attributes.
    let r = w.send(Req::new(Method::POST, "/api/auth/signout").cookie(Some(attributes[0]))).await;
    let cleared = r.headers.get(header::SET_COOKIE).and_then(|v| v.to_str().ok()).expect("a cookie").to_string();
    for expected in ["stempact_session=", "HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=0"] {
        assert!(cleared.split(';').map(str::trim).any(|a| a == expected), "{expected} in {cleared}");
    }

    // Behind https the cookie is Secure.
    let dir = tempfile::tempdir().unwrap();
    let config = Config { dist_dir: dir.path().join("dist"), public_url: "https://x".into(), secure_cookies: true };
    let state = server::prepare(dir.path(), config).await.unwrap();
    let token = token_for_new_coordinator(&state).await;
    let res = tower::ServiceExt::oneshot(
        server::app(state.clone()),
        axum::http::Request::post("/api/auth/signin")
            .header(header::CONTENT_TYPE, "application/json")
            .body(axum::body::Body::from(json!({ "token": token }).to_string()))
            .unwrap(),
    )
    .await
    .unwrap();
    let cookie = res.headers().get(header::SET_COOKIE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(cookie.split(';').map(str::trim).any(|a| a == "Secure"), "{cookie}");
}

#[tokio::test]
async fn expired_forged_and_signed_out_sessions_are_refused() {
    let w = common::world().await;
    let me = |cookie: String| Req::new(Method::GET, "/api/me").cookie(Some(&cookie));
    // Expired.
    let expiring = w.extra_session(w.ids.stem_a).await;
    assert_eq!(w.send(me(expiring.clone())).await.status, StatusCode::OK);
    let token = expiring.split_once('=').unwrap().1;
    sqlx::query("update sessions set expires_at = ? where token_hash = ?")
        .bind(server::db::now() - 1)
        .bind(server::auth::hash_token(token))
        .execute(w.state.writer.pool())
        .await
        .unwrap();
    let r = w.send(me(expiring)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    r.assert_json_error("expired session");
    // Forged, malformed or empty.
    for forged in ["stempact_session=".to_string(), "stempact_session=abc".into(), format!("stempact_session={}", "0".repeat(64)), format!("stempact_session={}", "é".repeat(500)), "other=1".into()] {
        let r = w.send(me(forged.clone())).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{forged}");
        r.assert_json_error(&forged);
    }
    // Signed out: that session ends on the server, the person's others do not.
    let second = w.extra_session(w.ids.stem_a).await;
    let r = w.send(Req::new(Method::POST, "/api/auth/signout").cookie(w.cookie(Who::StemA)).json(&json!({}))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(w.send(me(w.cookie(Who::StemA).unwrap().to_string())).await.status, StatusCode::UNAUTHORIZED);
    let token = w.cookie(Who::StemA).unwrap().split_once('=').unwrap().1;
    let left: i64 = sqlx::query_scalar("select count(*) from sessions where token_hash = ?")
        .bind(server::auth::hash_token(token))
        .fetch_one(w.state.writer.pool())
        .await
        .unwrap();
    assert_eq!(left, 0, "the signed-out session is deleted");
    assert_eq!(w.send(me(second)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn access_ends_the_moment_it_is_removed() {
    let w = common::world().await;
    let ids = w.ids.clone();

    // An archived person: every session ends at once and stays ended after
    // the access is given back (they need a new link).
    let second = w.extra_session(ids.teacher_a).await;
    w.ok(Who::Coord, Method::POST, &format!("/api/people/{}/archive", ids.teacher_a), Some(&json!({}))).await;
    assert_eq!(get(&w, Who::TeacherA, "/api/me".into()).await.status, StatusCode::UNAUTHORIZED);
    let r = w.send(Req::new(Method::GET, "/api/me").cookie(Some(&second))).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let left: i64 = w.scalar(&format!("select count(*) from sessions where person_id = {}", ids.teacher_a)).await;
    assert_eq!(left, 0);
    w.ok(Who::Coord, Method::POST, &format!("/api/people/{}/restore", ids.teacher_a), Some(&json!({}))).await;
    assert_eq!(get(&w, Who::TeacherA, "/api/me".into()).await.status, StatusCode::UNAUTHORIZED);

    // Revoking withdraws the open link only (a used link is spent anyway):
    // the person's sessions from earlier links go on.
    // (A link issued without the re-issue endpoint, which ends sessions.)
    let token = server::db::people::issue_invitation(&mut w.state.writer.pool().acquire().await.unwrap(), ids.stem_b, None).await.unwrap();
    w.ok(Who::Coord, Method::POST, &format!("/api/people/{}/revoke", ids.stem_b), Some(&json!({}))).await;
    let token = token.as_str();
    let r = w.send(Req::new(Method::POST, "/api/auth/signin").json(&json!({ "token": token }))).await;
    assert_eq!((r.status, r.json["code"].as_str()), (StatusCode::GONE, Some("link_revoked")));
    assert_eq!(get(&w, Who::StemB, "/api/me".into()).await.status, StatusCode::OK);

    // A juror taken off the jury keeps their account but not the jury.
    assert_eq!(get(&w, Who::JurorFree, "/api/jury/my".into()).await.status, StatusCode::OK);
    let setup = w.ok(Who::Coord, Method::GET, "/api/jury/setup", None).await;
    let version = setup["settings"]["version"].as_i64().unwrap();
    w.ok(Who::Coord, Method::PUT, "/api/jury/tie-break", Some(&json!({"version": version, "rules": ["higher-median-juror-score"]}))).await;
    w.ok(Who::Coord, Method::DELETE, &format!("/api/jury/jurors/{}", ids.juror_free), None).await;
    let r = get(&w, Who::JurorFree, "/api/jury/my".into()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!r.text.contains(names::SCHOOL_A));
    let r = get(&w, Who::JurorFree, format!("/api/jury/my/finalists/{}", ids.finalist_b)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // A school matched to another company: the old company sees it no more.
    let version = w.scalar(&format!("select version from schools where id = {}", ids.school_a)).await;
    w.ok(Who::Coord, Method::PUT, &format!("/api/schools/{}/sponsor", ids.school_a), Some(&json!({"company_id": ids.company_y, "version": version})))
        .await;
    for uri in [format!("/api/schools/{}/plan", ids.school_a), format!("/api/schools/{}/report", ids.school_a)] {
        let r = get(&w, Who::CompX, uri.clone()).await;
        assert!(matches!(r.status.as_u16(), 403 | 404), "{uri}: {}", r.status);
        assert!(!r.text.contains(names::GOAL_A));
        assert_eq!(get(&w, Who::CompY, uri.clone()).await.status, StatusCode::OK, "{uri} for the new sponsor");
    }
    let list = w.ok(Who::CompX, Method::GET, "/api/company/schools", None).await;
    assert_eq!(list, json!([]));

    // An archived school: its members reach nothing until it is restored.
    let version = w.scalar(&format!("select version from schools where id = {}", ids.school_b)).await;
    w.ok(Who::Coord, Method::POST, &format!("/api/schools/{}/archive", ids.school_b), Some(&json!({"version": version}))).await;
    let before = w.fingerprint().await;
    let mb = ids.measurement_b;
    let answer = json!({"answer": 4, "comment": "", "evidence_url": "", "version": 1});
    let attempts = [
        (Method::GET, "/api/my/measurement".to_string(), None),
        (Method::GET, format!("/api/schools/{}/plan", ids.school_b), None),
        (Method::GET, format!("/api/schools/{}/report", ids.school_b), None),
        (Method::GET, format!("/api/schools/{}/team", ids.school_b), None),
        (Method::PUT, format!("/api/measurements/{mb}/answers/curriculum.learning-lines"), Some(answer)),
        (Method::POST, format!("/api/measurements/{mb}/submit"), Some(json!({}))),
        (Method::PUT, format!("/api/measurements/{mb}/consensus/curriculum.learning-lines"), Some(json!({"level": 1, "version": 0}))),
        (Method::POST, format!("/api/schools/{}/plan/goals", ids.school_b), Some(common::goal_body("Na archief"))),
        (Method::GET, "/api/my-school/team".to_string(), None),
        (Method::POST, "/api/my-school/team".to_string(), Some(json!({"name": "Na archief"}))),
    ];
    for (method, uri, body) in attempts {
        let r = w.call(Who::StemB, method.clone(), &uri, body.as_ref()).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{method} {uri} for a member of an archived school: {}", r.text);
        assert!(!r.text.contains(names::GOAL_B), "{method} {uri}");
    }
    assert!(before == w.fingerprint().await, "a member of an archived school changed something");
    let version = w.scalar(&format!("select version from schools where id = {}", ids.school_b)).await;
    w.ok(Who::Coord, Method::POST, &format!("/api/schools/{}/restore", ids.school_b), Some(&json!({"version": version}))).await;
    assert_eq!(get(&w, Who::StemB, format!("/api/schools/{}/plan", ids.school_b)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn an_archived_company_never_regains_access_when_its_school_is_restored() {
    let w = common::world().await;
    let ids = w.ids.clone();
    let plan = format!("/api/schools/{}/plan", ids.school_a);
    assert_eq!(get(&w, Who::CompX, plan.clone()).await.status, StatusCode::OK);
    // School A is archived, so its sponsor X sponsors no active school and
    // may be archived itself.
    let version = |table: &'static str, id: i64| w.scalar_owned(format!("select version from {table} where id = {id}"));
    w.ok(Who::Coord, Method::POST, &format!("/api/schools/{}/archive", ids.school_a), Some(&json!({"version": version("schools", ids.school_a).await})))
        .await;
    w.ok(Who::Coord, Method::POST, &format!("/api/companies/{}/archive", ids.company_x), Some(&json!({"version": version("companies", ids.company_x).await})))
        .await;
    // X's member has no access while X is archived ...
    assert_eq!(get(&w, Who::CompX, "/api/me".into()).await.status, StatusCode::UNAUTHORIZED);
    // ... and restoring school A does not bring it back: A loses the archived sponsor.
    let restored = w
        .ok(Who::Coord, Method::POST, &format!("/api/schools/{}/restore", ids.school_a), Some(&json!({"version": version("schools", ids.school_a).await})))
        .await;
    assert_eq!(restored["company_id"], serde_json::Value::Null, "{restored}");
    for uri in [plan.clone(), format!("/api/schools/{}/report", ids.school_a), "/api/company/schools".into()] {
        let r = get(&w, Who::CompX, uri.clone()).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{uri}: {}", r.text);
        assert!(!r.text.contains(names::GOAL_A), "{uri}");
    }
    let logged = w.scalar("select count(*) from audit_log where action = 'match' and detail like '%that company is archived%'").await;
    assert_eq!(logged, 1);
    // Restoring the company gives its members their sessions back, but not school A.
    w.ok(Who::Coord, Method::POST, &format!("/api/companies/{}/restore", ids.company_x), Some(&json!({"version": version("companies", ids.company_x).await})))
        .await;
    assert_eq!(get(&w, Who::CompX, "/api/me".into()).await.status, StatusCode::OK);
    assert_eq!(get(&w, Who::CompX, plan).await.status, StatusCode::FORBIDDEN);
}

async fn get(w: &common::World, who: Who, uri: String) -> common::Resp {
    w.call(who, Method::GET, &uri, None).await
}

/// What a cross-site form could send: `application/x-www-form-urlencoded`,
/// `multipart/form-data` and `text/plain` (the three content types a browser
/// sends without asking the server first).
const FORM_TYPES: [&str; 3] = ["application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "text/plain"];

#[tokio::test]
async fn no_write_endpoint_accepts_a_form_or_text_body() {
    let w = common::world().await;
    let ids = w.ids.clone();
    let (declared, _) = declared_endpoints();
    let writes: Vec<(String, String)> = declared.into_iter().filter(|(m, _)| m != "GET").collect();
    assert!(writes.len() > 60, "{} write endpoints", writes.len());
    for (method, template) in writes {
        // Real ids, and the role that could act on them.
        let who = if template.starts_with("/api/schools/{id}/plan") || template.starts_with("/api/my-school") {
            Who::StemA
        } else if template.contains("/answers/") || template.ends_with("{id}/submit") && template.starts_with("/api/measurements") {
            Who::TeacherA
        } else if template.starts_with("/api/jury/my") {
            Who::JurorFree
        } else {
            Who::Coord
        };
        let id = match template.split('/').nth(2).unwrap_or("") {
            "schools" => ids.school_a,
            "measurements" => ids.measurement_a,
            "editions" => ids.edition,
            "companies" => ids.spare_company,
            "networks" => ids.network,
            "sessions" => ids.session,
            "people" | "my-school" => ids.teacher_a,
            _ => 0,
        };
        let jury_id = match template.split('/').nth(3).unwrap_or("") {
            "categories" => ids.category,
            "finalists" => ids.finalist_a,
            "conflicts" => ids.conflict_x_a,
            "my" => ids.finalist_b,
            _ => id,
        };
        let uri = template
            .replace("{id}", &(if template.starts_with("/api/jury") { jury_id } else { id }).to_string())
            .replace("{goal_id}", &ids.goal_a.to_string())
            .replace("{action_id}", &ids.action_a.to_string())
            .replace("{thread_id}", &ids.thread_a.to_string())
            .replace("{person_id}", &ids.juror_x.to_string())
            .replace("{finalist_id}", &ids.finalist_b.to_string())
            .replace("{kind}", "baseline")
            .replace("{action}", "close")
            .replace("{indicator}", "curriculum.learning-lines");
        let method: Method = method.parse().unwrap();
        for content_type in FORM_TYPES {
            let before = w.fingerprint().await;
            let req = Req::new(method.clone(), &uri).cookie(w.cookie(who)).raw(content_type, "a=1&version=1");
            let r = w.send(req).await;
            let context = format!("{method} {uri} as {who:?} with {content_type}");
            assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{context}: {}", r.text);
            r.assert_json_error(&context);
            assert!(before == w.fingerprint().await, "{context} changed the database");
        }
    }
    // Sign-in too (no signing someone into the attacker's account).
    let r = w.send(Req::new(Method::POST, "/api/auth/signin").raw("text/plain", format!("{{\"token\": \"{}\"}}", "ab".repeat(32)))).await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn writes_the_browser_marks_as_cross_site_are_refused() {
    let w = common::world().await;
    let uri = format!("/api/people/{}/link", w.ids.teacher_a);
    let attempt = |headers: Vec<(&'static str, &'static str)>, body: bool| {
        let mut req = Req::new(Method::POST, &uri).cookie(w.cookie(Who::Coord)).header("host", "stempact.example.org");
        for (k, v) in headers {
            req = req.header(k, v);
        }
        if body {
            req = req.json(&json!({}));
        }
        w.send(req)
    };
    for (headers, body) in [
        (vec![("sec-fetch-site", "cross-site")], true),
        (vec![("sec-fetch-site", "same-site"), ("origin", "https://evil.example.org")], true),
        (vec![("sec-fetch-site", "same-site")], false),
        (vec![("origin", "https://evil.example.org")], false),
        (vec![("origin", "null")], true),
    ] {
        let before = w.fingerprint().await;
        let r = attempt(headers.clone(), body).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{headers:?}: {}", r.text);
        r.assert_json_error(&format!("{headers:?}"));
        assert!(before == w.fingerprint().await, "{headers:?} changed the database");
    }
    // The app itself, and clients that are not browsers.
    for headers in [vec![("sec-fetch-site", "same-origin")], vec![("origin", "https://stempact.example.org")], vec![("origin", "http://test")], vec![]] {
        let r = attempt(headers.clone(), true).await;
        assert_eq!(r.status, StatusCode::OK, "{headers:?}: {}", r.text);
    }
    // Reads are not affected (a strict cookie is not sent cross-site anyway).
    let r = w.send(Req::new(Method::GET, "/api/me").cookie(w.cookie(Who::Coord)).header("sec-fetch-site", "cross-site")).await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn no_other_site_may_frame_the_app() {
    let w = common::World::empty().await;
    for uri in ["/api/health", "/", "/signin"] {
        let r = w.send(Req::new(Method::GET, uri)).await;
        let h = |name: header::HeaderName| r.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
        assert_eq!(h(header::X_FRAME_OPTIONS), "DENY", "{uri}");
        assert!(h(header::CONTENT_SECURITY_POLICY).split(';').any(|d| d.trim() == "frame-ancestors 'none'"), "{uri}");
        assert_eq!(h(header::X_CONTENT_TYPE_OPTIONS), "nosniff", "{uri}");
    }
}
