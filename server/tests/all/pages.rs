//! The web apps' pages: each address gets the page of the app that serves
//! it, `/` the signed-in person's own app, and no page is ever answered
//! with a validator a browser could reuse for another person.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use rubric::apps::App;
use rubric::people::Role;
use server::db::people::NewPerson;
use server::state::{AppState, Config};
use tower::ServiceExt;

async fn state_with_pages() -> (AppState, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).expect("dist");
    for app in App::ALL {
        std::fs::write(dist.join(format!("{}.html", app.name())), format!("<title>{}</title>", app.name())).expect("page");
    }
    let config = Config { dist_dir: dist, public_url: "http://test".into(), secure_cookies: false };
    let state = server::prepare(dir.path(), config).await.expect("database opens");
    (state, dir)
}

/// A school and a company of a new edition, for the people scoped to them.
async fn school_and_company(state: &AppState) -> (i64, i64) {
    let edition: i64 = sqlx::query_scalar(
        "insert into editions (name, school_year, nulmeting_deadline, plan_deadline, final_date, final_place, active, created_at) \
         values ('Pagina', '2025-2026', '2025-12-19', '2026-03-27', '2026-05-29', 'Gent', 0, 0) returning id",
    )
    .fetch_one(state.writer.pool())
    .await
    .expect("edition");
    let school = sqlx::query_scalar(
        "insert into schools (edition_id, name, town, region, tracks, created_at) values (?, 'School', 'Gent', 'Oost-Vlaanderen', 'transition', 0) returning id",
    )
    .bind(edition)
    .fetch_one(state.writer.pool())
    .await
    .expect("school");
    let company = sqlx::query_scalar(
        "insert into companies (edition_id, name, town, sector, created_at) values (?, 'Bedrijf', 'Gent', 'chemie', 0) returning id",
    )
    .bind(edition)
    .fetch_one(state.writer.pool())
    .await
    .expect("company");
    (school, company)
}

/// A session cookie for a new person with `role`.
async fn session(state: &AppState, role: Role) -> String {
    let (school, company) = school_and_company(state).await;
    let person = NewPerson {
        name: "Page".into(),
        email: String::new(),
        role,
        school_id: (role == Role::SchoolMember).then_some(school),
        company_id: (role == Role::CompanyMember).then_some(company),
        school_function: None,
    };
    let (_, token) = server::invite::create(&state.writer, &person, None).await.expect("invite");
    let req = Request::post("/api/auth/signin")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(serde_json::json!({ "token": token }).to_string()))
        .unwrap();
    let res = server::app(state.clone()).oneshot(req).await.expect("response");
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res.headers().get(header::SET_COOKIE).and_then(|v| v.to_str().ok()).expect("cookie");
    cookie.split(';').next().unwrap_or_default().to_string()
}

/// The page at `path` as `cookie` gets it: (status, body, headers).
async fn page(state: &AppState, path: &str, cookie: Option<&str>) -> (StatusCode, String, axum::http::HeaderMap) {
    let mut req = Request::get(path);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    let res = server::app(state.clone()).oneshot(req.body(Body::empty()).unwrap()).await.expect("response");
    let (status, headers) = (res.status(), res.headers().clone());
    let body = res.into_body().collect().await.expect("body").to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned(), headers)
}

#[tokio::test]
async fn each_address_gets_the_page_of_its_app() {
    let (state, _dir) = state_with_pages().await;
    for (path, app) in [
        ("/rubric", "public"),
        ("/signin", "public"),
        ("/no/such/page", "public"),
        ("/nulmeting", "school"),
        ("/schools/4/team", "team"),
        ("/schools/4/report", "report"),
        ("/coordinator/measurements", "measurements"),
        ("/schools/4/plan", "plan"),
        ("/schools/4/plan/print", "planprint"),
        ("/colleagues", "people"),
        ("/coordinator/schools", "programme"),
        ("/coordinator/companies", "programme"),
        ("/coordinator/people", "people"),
        ("/coordinator/edition", "people"),
        ("/coordinator/matching", "matching"),
        ("/coordinator/networks", "matching"),
        ("/company", "company"),
        ("/jury", "jury"),
        ("/jury/finalists/2", "jury"),
        ("/award", "award"),
        ("/jury/chair", "judging"),
        ("/coordinator", "coordinator"),
        ("/coordinator/jury", "award"),
        ("/coordinator/jury/results", "judging"),
    ] {
        let (status, body, headers) = page(&state, path, None).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(body, format!("<title>{app}</title>"), "{path}");
        assert_eq!(headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()), Some("text/html; charset=utf-8"));
        assert_eq!(headers.get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()), Some("private, no-cache"), "{path}");
        assert!(headers.get(header::LAST_MODIFIED).is_none() && headers.get(header::ETAG).is_none(), "{path}: no validator");
    }
}

#[tokio::test]
async fn the_start_page_comes_with_the_signed_in_persons_app() {
    let (state, _dir) = state_with_pages().await;
    let (_, body, headers) = page(&state, "/", None).await;
    assert_eq!(body, "<title>public</title>", "a visitor");
    assert!(headers.get(header::VARY).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("cookie")));
    for (role, app) in [
        (Role::Coordinator, "coordinator"),
        (Role::SchoolMember, "school"),
        (Role::CompanyMember, "company"),
        (Role::Juror, "jury"),
    ] {
        let cookie = session(&state, role).await;
        let (status, body, _) = page(&state, "/", Some(&cookie)).await;
        assert_eq!((status, body.as_str()), (StatusCode::OK, format!("<title>{app}</title>").as_str()), "{role:?}");
        // Any other address is the same for everyone: the coordinator
        // opening a school's report gets the report app.
        let (_, body, _) = page(&state, "/schools/1/report", Some(&cookie)).await;
        assert_eq!(body, "<title>report</title>", "{role:?}");
    }
    let (_, body, _) = page(&state, "/", Some("stempact_session=not-a-session")).await;
    assert_eq!(body, "<title>public</title>", "a dead session is a visitor");
}

/// An app's page carries the first screen rendered for whoever asks: the
/// signed-in person's name and session for them, nobody's for a visitor or
/// a dead session; the language cookie decides the screen's language.
#[tokio::test]
async fn the_page_carries_the_first_screen_of_the_person_who_asks() {
    let (state, _dir) = state_with_pages().await;
    let dist = &state.config.dist_dir;
    std::fs::write(dist.join("jury.html"), "<html lang=nl><head></head><body data-first-screen></body></html>").expect("page");
    let cookie = session(&state, Role::Juror).await;

    let (status, body, _) = page(&state, "/jury", Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<meta name=stempact-session content=\"{&quot;id&quot;:"), "{body}");
    assert!(body.contains("&quot;role&quot;:&quot;juror&quot;"), "{body}");
    assert!(body.contains("<div id=first-screen><header"), "{body}");
    assert!(body.contains("class=\"who-name\">Page</span>"), "the juror's name: {body}");
    assert!(body.contains("Laden…"), "in Dutch without the cookie: {body}");

    let (_, body, _) = page(&state, "/jury", Some(&format!("{cookie}; stempact-lang=en"))).await;
    assert!(body.starts_with("<html lang=en>") && body.contains("Loading…"), "{body}");

    for visitor in [None, Some("stempact_session=not-a-session")] {
        let (_, body, _) = page(&state, "/jury", visitor).await;
        assert!(body.contains("<meta name=stempact-session content=\"null\">"), "{visitor:?}: {body}");
        assert!(!body.contains("who-name"), "{visitor:?}: nobody's name: {body}");
    }
}
