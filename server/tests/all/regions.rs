//! Regions (issue 17) through the API: a regional coordinator reaches
//! their own region and gets 403 on another's; the pupil numbers import
//! previews every row, refuses a file with a bad row and saves nothing of
//! it, and a re-import replaces the numbers with a diff; two regional
//! coordinators importing at once both succeed.

use crate::common::{self, names, Req, World, Who};
use axum::http::Method;
use serde_json::{json, Value};

/// Two regions of the edition, school A (vmbo) and C (mbo) in the first and
/// school B in the second, and a signed-in regional coordinator of each:
/// (region 1, region 2, cookie 1, cookie 2).
async fn two_regions(w: &World) -> (i64, i64, String, String) {
    let e = w.ids.edition;
    let r1 = w.ok(Who::Coord, Method::POST, &format!("/api/editions/{e}/regions"), Some(&json!({"name": "Regio Noordoost"}))).await["id"].as_i64().unwrap();
    let r2 = w.ok(Who::Coord, Method::POST, &format!("/api/editions/{e}/regions"), Some(&json!({"name": "Regio Zuidwest"}))).await["id"].as_i64().unwrap();
    let members = json!({"schools": [{"school_id": w.ids.school_a, "level": "vmbo"}, {"school_id": w.ids.spare_school, "level": "mbo"}], "companies": [w.ids.company_x], "version": 1});
    let detail = w.ok(Who::Coord, Method::PUT, &format!("/api/regions/{r1}/members"), Some(&members)).await;
    assert_eq!(detail["schools"].as_array().unwrap().len(), 2, "{detail}");
    let members = json!({"schools": [{"school_id": w.ids.school_b, "level": "secondary"}], "companies": [], "version": 1});
    w.ok(Who::Coord, Method::PUT, &format!("/api/regions/{r2}/members"), Some(&members)).await;
    let mut cookies = Vec::new();
    for (r, name) in [(r1, "Rein Noord"), (r2, "Zara Zuid")] {
        let inv = w.ok(Who::Coord, Method::POST, &format!("/api/regions/{r}/coordinators"), Some(&json!({"name": name, "email": "r@example.org"}))).await;
        assert_eq!(inv["person"]["role"], "regional-coordinator", "{inv}");
        let token = inv["link"].as_str().unwrap().rsplit('#').next().unwrap().to_string();
        cookies.push(w.sign_in(&token).await);
    }
    (r1, r2, cookies[0].clone(), cookies[1].clone())
}

async fn call(w: &World, cookie: &str, method: Method, uri: &str, body: Option<&Value>) -> common::Resp {
    let mut req = Req::new(method, uri).cookie(Some(cookie));
    if let Some(b) = body {
        req = req.json(b);
    }
    w.send(req).await
}

fn csv(rows: &[&str]) -> String {
    let mut text = String::from("school;profiel;schooljaar;leerlingen\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    text
}

#[tokio::test]
async fn a_regional_coordinator_reaches_only_their_own_region() {
    let w = common::world().await;
    let (r1, r2, c1, c2) = two_regions(&w).await;
    let me = call(&w, &c1, Method::GET, "/api/me", None).await;
    assert_eq!(me.json.clone()["role"], "regional-coordinator");
    let mine = call(&w, &c1, Method::GET, "/api/regions", None).await;
    assert_eq!(mine.json.clone().as_array().map(|a| a.len()), Some(1), "{}", mine.text);
    assert_eq!(mine.json.clone()[0]["id"], r1);
    let own = call(&w, &c1, Method::GET, &format!("/api/regions/{r1}"), None).await;
    assert_eq!(own.status.as_u16(), 200, "{}", own.text);
    assert!(own.text.contains(names::SCHOOL_A) && !own.text.contains(names::SCHOOL_B));
    for uri in [format!("/api/regions/{r2}"), format!("/api/regions/{r2}/portrait")] {
        let r = call(&w, &c1, Method::GET, &uri, None).await;
        assert_eq!(r.status.as_u16(), 403, "{uri}: {}", r.text);
        assert!(!r.text.contains(names::SCHOOL_B) && !r.text.contains("Zuidwest"));
    }
    let r = call(&w, &c2, Method::POST, &format!("/api/regions/{r1}/partners"), Some(&json!({"name": "Gemeente X", "kind": "municipality"}))).await;
    assert_eq!(r.status.as_u16(), 403, "{}", r.text);
    let r = call(&w, &c2, Method::POST, &format!("/api/regions/{r1}/pupils/import"), Some(&json!({"csv": csv(&["Atheneum Alfaweg;BWI;2024;5"]), "save": true}))).await;
    assert_eq!(r.status.as_u16(), 403, "{}", r.text);
    assert_eq!(w.scalar("select count(*) from region_pupils").await, 0);
    // No such region: 404; the programme's set-up and the schools: 403/404.
    assert_eq!(call(&w, &c1, Method::GET, "/api/regions/9999", None).await.status.as_u16(), 404);
    assert_eq!(call(&w, &c1, Method::PUT, &format!("/api/regions/{r1}/members"), Some(&json!({"schools": [], "companies": [], "version": 2}))).await.status.as_u16(), 403);
    assert_eq!(call(&w, &c1, Method::GET, &format!("/api/editions/{}/schools", w.ids.edition), None).await.status.as_u16(), 403);
    assert_eq!(call(&w, &c1, Method::GET, &format!("/api/schools/{}/report", w.ids.school_a), None).await.status.as_u16(), 404);
    // Their own region's partners: added and removed.
    let r = call(&w, &c1, Method::POST, &format!("/api/regions/{r1}/partners"), Some(&json!({"name": "RTC Noordoost", "kind": "rtc"}))).await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.text);
    let pid = r.json.clone()["partners"][0]["id"].as_i64().unwrap();
    assert_eq!(call(&w, &c2, Method::DELETE, &format!("/api/regions/{r1}/partners/{pid}"), None).await.status.as_u16(), 403);
    assert_eq!(call(&w, &c2, Method::DELETE, &format!("/api/regions/{r2}/partners/{pid}"), None).await.status.as_u16(), 404);
    assert_eq!(call(&w, &c1, Method::DELETE, &format!("/api/regions/{r1}/partners/{pid}"), None).await.status.as_u16(), 200);
    // A regional coordinator is not invited through the people form.
    let r = w.call(Who::Coord, Method::POST, "/api/people", Some(&json!({"name": "Rob", "role": "regional-coordinator"}))).await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.text);
}

#[tokio::test]
async fn a_bad_row_refuses_the_whole_file_and_a_reimport_replaces_with_a_diff() {
    let w = common::world().await;
    let (r1, _, c1, _) = two_regions(&w).await;
    let uri = format!("/api/regions/{r1}/pupils/import");
    let bad = csv(&["Atheneum Alfaweg;BWI;2023;40", "Atheneum Alfaweg;PIE;2023;-3", "Onbekende School;BWI;2023;5", "Spaarschool Sigmalaan;BWI;twintig;5", "Atheneum Alfaweg;bwi;2023;41"]);
    let preview = call(&w, &c1, Method::POST, &uri, Some(&json!({"csv": bad}))).await;
    assert_eq!(preview.status.as_u16(), 200, "{}", preview.text);
    let rows = preview.json.clone()["rows"].as_array().unwrap().clone();
    // Each error externally tagged: a unit variant is its name, another an object under its name.
    let code = |e: &Value| e.as_str().map(str::to_string).or_else(|| e.as_object().and_then(|o| o.keys().next().cloned()));
    let codes: Vec<Value> = rows.iter().map(|r| r["errors"].get(0).and_then(code).map(Value::from).unwrap_or(Value::Null)).collect();
    assert_eq!(codes, vec![Value::Null, json!("negative-count"), json!("unknown-school"), json!("bad-year"), json!("duplicate")]);
    let saved = call(&w, &c1, Method::POST, &uri, Some(&json!({"csv": bad, "save": true}))).await;
    assert_eq!(saved.status.as_u16(), 422, "{}", saved.text);
    assert!(saved.text.contains("nothing was saved"), "{}", saved.text);
    assert_eq!(saved.json.clone()["fields"][0]["code"], "rows_refused", "the page words it by its code: {}", saved.text);
    assert_eq!(w.scalar("select count(*) from region_pupils").await, 0, "nothing half-saved");
    let good = csv(&["Atheneum Alfaweg;BWI;2023;40", "Atheneum Alfaweg;BWI;2024;44", "Spaarschool Sigmalaan;PIE;2024;30"]);
    let r = call(&w, &c1, Method::POST, &uri, Some(&json!({"csv": good, "save": true}))).await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.text);
    assert_eq!(r.json.clone()["saved"], 3);
    assert_eq!(r.json.clone()["diff"], json!({"added": 3, "changed": 0, "unchanged": 0, "removed": 0}));
    let again = csv(&["Atheneum Alfaweg;BWI;2023;40", "Atheneum Alfaweg;BWI;2024;45"]);
    let preview = call(&w, &c1, Method::POST, &uri, Some(&json!({"csv": again}))).await;
    assert_eq!(preview.json.clone()["diff"], json!({"added": 0, "changed": 1, "unchanged": 1, "removed": 1}));
    assert_eq!(preview.json.clone()["saved"], 0);
    assert_eq!(w.scalar("select count(*) from region_pupils").await, 3, "a preview saves nothing");
    call(&w, &c1, Method::POST, &uri, Some(&json!({"csv": again, "save": true}))).await;
    let portrait = call(&w, &c1, Method::GET, &format!("/api/regions/{r1}/portrait"), None).await.json.clone();
    assert_eq!(portrait["summary"]["years"], json!([2023, 2024]));
    assert_eq!(portrait["summary"]["total"]["counts"], json!([40, 45]));
    assert_eq!(portrait["summary"]["total"]["projection"][0], json!([2025, 50]));
    // Two schools with a nulmeting: the aggregated profile names no school and shows nothing under 5.
    assert!(portrait["profile"]["aspects"].as_array().unwrap().iter().all(|a| a["hidden"].is_object()), "{}", portrait["profile"]);
    assert!(!portrait.to_string().contains(names::SCHOOL_B));
    // Progression and facilities.
    let fig = call(&w, &c1, Method::POST, &format!("/api/regions/{r1}/progression"), Some(&json!({"kind": "vmbo-to-mbo", "year": "2023-2024", "leavers": "80", "continued": "90"}))).await;
    assert_eq!(fig.status.as_u16(), 422, "{}", fig.text);
    // The domain error comes along for the page to word in its language.
    assert_eq!(fig.json.clone()["fields"][0]["detail"], json!({"more-continued-than-leavers": {"continued": 90, "leavers": 80}}), "{}", fig.text);
    let fig = call(&w, &c1, Method::POST, &format!("/api/regions/{r1}/progression"), Some(&json!({"kind": "vmbo-to-mbo", "year": "2023-2024", "leavers": "veel", "continued": "1"}))).await;
    assert_eq!(fig.status.as_u16(), 422, "{}", fig.text);
    assert_eq!(fig.json.clone()["fields"][0]["message"], "'veel' is not a number of pupils", "{}", fig.text);
    assert_eq!(fig.json.clone()["fields"][0]["detail"], json!({"count": {"bad-count": {"value": "veel"}}}), "{}", fig.text);
    let fig = call(&w, &c1, Method::POST, &format!("/api/regions/{r1}/progression"), Some(&json!({"kind": "vmbo-to-mbo", "year": "2023-2024", "leavers": "80", "continued": "60"}))).await;
    assert_eq!(fig.json.clone()["progression"][0]["continued"], 60, "{}", fig.text);
    let f = call(&w, &c1, Method::POST, &format!("/api/regions/{r1}/facilities"), Some(&json!({"kind": "network", "name": " "}))).await;
    assert_eq!(f.status.as_u16(), 422, "{}", f.text);
    assert_eq!(f.json.clone()["fields"][0]["detail"], json!("name-required"), "{}", f.text);
    let f = call(&w, &c1, Method::POST, &format!("/api/regions/{r1}/facilities"), Some(&json!({"kind": "network", "name": "PLG techniek vmbo-mbo"}))).await;
    assert_eq!(f.json.clone()["facilities"][0]["name"], "PLG techniek vmbo-mbo", "{}", f.text);
}

#[tokio::test]
async fn two_regional_coordinators_import_at_once() {
    let w = std::sync::Arc::new(common::world().await);
    let (r1, r2, c1, c2) = two_regions(&w).await;
    let mut tasks = Vec::new();
    for i in 0..20 {
        let (region, cookie, school) = if i % 2 == 0 { (r1, c1.clone(), names::SCHOOL_A) } else { (r2, c2.clone(), names::SCHOOL_B) };
        let body = json!({"csv": csv(&[&format!("{school};BWI;2024;{i}"), &format!("{school};PIE;2024;{}", i + 1)]), "save": true});
        let w = w.clone();
        tasks.push(tokio::spawn(async move { call(&w, &cookie, Method::POST, &format!("/api/regions/{region}/pupils/import"), Some(&body)).await }));
    }
    for t in tasks {
        let r = t.await.unwrap();
        assert_eq!(r.status.as_u16(), 200, "{}", r.text);
    }
    assert_eq!(w.scalar(&format!("select count(*) from region_pupils where region_id = {r1}")).await, 2);
    assert_eq!(w.scalar(&format!("select count(*) from region_pupils where region_id = {r2}")).await, 2);
}

/// The region app reads only part of some answers (`rubric::region`'s
/// `EditionRef`, `NamedRef`, `InvitationLink`, so it carries no decoder for
/// the whole edition, school, company or person): the real answers decode
/// into them, with the values of the whole answer.
#[tokio::test]
async fn the_region_pages_read_their_part_of_the_programme_answers() {
    use rubric::region::{EditionRef, InvitationLink, NamedRef};
    let w = common::world().await;
    let e = w.ids.edition;
    let editions = w.ok(Who::Coord, Method::GET, "/api/editions", None).await;
    let refs: Vec<EditionRef> = serde_json::from_value(editions.clone()).expect("editions as EditionRef");
    assert!(refs.iter().any(|r| r.id == e && r.active), "{editions}");
    assert_eq!(refs.len(), editions.as_array().map_or(0, Vec::len));
    for kind in ["schools", "companies"] {
        let list = w.ok(Who::Coord, Method::GET, &format!("/api/editions/{e}/{kind}?archived=false"), None).await;
        let named: Vec<NamedRef> = serde_json::from_value(list.clone()).expect("members as NamedRef");
        let expected: Vec<(i64, String)> = list.as_array().unwrap().iter().map(|v| (v["id"].as_i64().unwrap(), v["name"].as_str().unwrap().to_string())).collect();
        assert!(!named.is_empty(), "{kind}: {list}");
        assert_eq!(named.into_iter().map(|n| (n.id, n.name)).collect::<Vec<_>>(), expected);
    }
    let r = w.ok(Who::Coord, Method::POST, &format!("/api/editions/{e}/regions"), Some(&json!({"name": "Regio Midden"}))).await["id"].as_i64().unwrap();
    let inv = w.ok(Who::Coord, Method::POST, &format!("/api/regions/{r}/coordinators"), Some(&json!({"name": "Mia Midden", "email": "m@example.org"}))).await;
    let link: InvitationLink = serde_json::from_value(inv.clone()).expect("an invitation as InvitationLink");
    assert_eq!(Some(link.link.as_str()), inv["link"].as_str());
    assert!(link.link.contains("/signin#"), "{}", link.link);
}

/// The portrait's aggregated nulmeting profile reads the consensus by the
/// rubric version the edition measures with: on a rubric-v2 edition, five
/// schools' v2 consensus gives the benchmark computed with v2's indicators
/// (matched against v1's, as before the fix, it comes out different).
#[tokio::test]
async fn the_portrait_profile_of_a_v2_edition_reads_the_v2_rubric() {
    use rubric::assessment::{benchmark, Consensus, IndicatorIndex, SchoolProfile};
    use rubric::{Level, RubricVersion};
    let w = common::world().await;
    let e = w.ids.edition;
    let db = w.state.writer.pool();
    sqlx::query("update editions set rubric_version = 2 where id = ?").bind(e).execute(db).await.unwrap();
    let region = w.ok(Who::Coord, Method::POST, &format!("/api/editions/{e}/regions"), Some(&json!({"name": "Regio Twee"}))).await["id"].as_i64().unwrap();
    let v2 = rubric::content::rubric(RubricVersion::from_number(2).unwrap());
    let ids: Vec<String> = v2.indicators().map(|(_, i)| i.id.clone()).collect();
    let mut members = Vec::new();
    let mut consensus_per_school = Vec::new();
    for k in 0..5usize {
        let school: i64 = sqlx::query_scalar("insert into schools (edition_id, name, town, region, tracks, created_at) values (?, ?, 'Gent', 'Oost-Vlaanderen', 'transition', 0) returning id")
            .bind(e)
            .bind(format!("Regioschool {k}"))
            .fetch_one(db)
            .await
            .unwrap();
        members.push(json!({"school_id": school, "level": "secondary"}));
        let m: i64 = sqlx::query_scalar("insert into measurements (edition_id, school_id, kind, rubric_version, status, opened_at) values (?, ?, 'baseline', 2, 'closed', 0) returning id")
            .bind(e)
            .bind(school)
            .fetch_one(db)
            .await
            .unwrap();
        let mut consensus = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            let level = 1 + ((i + k) % 4) as u8;
            sqlx::query("insert into consensus (measurement_id, indicator_id, level, decided_at) values (?, ?, ?, 0)").bind(m).bind(id).bind(i64::from(level)).execute(db).await.unwrap();
            consensus.push(Consensus { indicator_id: id.clone(), level: Level::new(level).ok(), rationale: String::new() });
        }
        consensus_per_school.push(consensus);
    }
    w.ok(Who::Coord, Method::PUT, &format!("/api/regions/{region}/members"), Some(&json!({"schools": members, "companies": [], "version": 1}))).await;
    let portrait = w.ok(Who::Coord, Method::GET, &format!("/api/regions/{region}/portrait"), None).await;
    let profile_by = |index: IndicatorIndex| {
        let profiles: Vec<SchoolProfile> = consensus_per_school.iter().map(|c| index.profile(c)).collect();
        serde_json::to_value(benchmark(&profiles)).unwrap()
    };
    let expected = profile_by(IndicatorIndex::new(v2));
    let by_v1 = profile_by(IndicatorIndex::new(rubric::content::rubric(RubricVersion::from_number(1).unwrap())));
    assert_ne!(expected, by_v1, "the test needs consensus whose v1 reading differs");
    assert_eq!(portrait["profile"], expected, "{}", portrait["profile"]);
    assert!(portrait["profile"]["aspects"].as_array().unwrap().iter().all(|a| a["shown"]["schools"] == 5), "{}", portrait["profile"]);
}

#[tokio::test]
async fn a_members_refusal_names_its_problem_for_the_page_to_word() {
    let w = common::world().await;
    let (r1, _, _, _) = two_regions(&w).await;
    let uri = format!("/api/regions/{r1}/members");
    // A company that is not in the edition (gone, or never there).
    let members = json!({"schools": [{"school_id": w.ids.school_a, "level": "vmbo"}], "companies": [999_999], "version": 2});
    let r = w.call(Who::Coord, Method::PUT, &uri, Some(&members)).await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.text);
    assert_eq!(r.json.clone()["fields"][0]["field"], "companies", "{}", r.text);
    assert_eq!(r.json.clone()["fields"][0]["code"], "not_in_edition", "{}", r.text);
    // A school named twice: the domain error as its detail.
    let twice = json!({"schools": [{"school_id": w.ids.school_a, "level": "vmbo"}, {"school_id": w.ids.school_a, "level": "mbo"}], "companies": [], "version": 2});
    let r = w.call(Who::Coord, Method::PUT, &uri, Some(&twice)).await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.text);
    assert_eq!(r.json.clone()["fields"][0]["detail"], json!({"school-twice": {"school_id": w.ids.school_a}}), "{}", r.text);
}
