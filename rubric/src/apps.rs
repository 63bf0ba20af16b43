//! Which of the web apps serves an address: the interface is one small
//! app per kind of person, so nobody downloads another role's pages. The
//! server serves each app's page under its addresses, the frontend turns a
//! link into another app into a real page load, and the build makes one
//! bundle per app: all three read this one table.

use crate::people::Role;

/// One web app: its own entry point, bundle and addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum App {
    /// The landing page, the public rubric and signing in.
    Public,
    /// The school team: the start page and filling in the nulmeting.
    School,
    /// The sponsor company's list of schools.
    Company,
    /// Jurors: their finalists and score sheets.
    Jury,
    /// The programme coordinator: the start page and dashboard.
    Coordinator,
    /// The award dossier a school and its sponsor company prepare together
    /// (issue 16): its own small app, so the school and company apps do
    /// not grow for a page each uses once a year.
    Dossier,
    /// A region (issue 17): the regional coordinator's pages (the region,
    /// its portrait) and the programme coordinator's region set-up.
    Region,
    /// A region's plan (issue 17): the regional plan editor and the subsidy
    /// dossier's print (`/region/{id}/plan`, `/region/{id}/dossier`): its
    /// own app, so the region's portrait and set-up stay small.
    RegionPlan,
    /// A school's action plan and its printable version, for the school
    /// team, its sponsor company and the coordinator: its own app (a link
    /// from the nulmeting or the company's list is a page load), so the
    /// teachers filling in the nulmeting do not download the plan editor.
    Plan,
    /// A school's report (the nulmeting's results, with the radar chart),
    /// for the school team, its sponsor company and the coordinator: its
    /// own app, so filling in the nulmeting stays light.
    Report,
    /// A school's team view (every respondent's answers, the consensus
    /// being made): its own app (it was one with the report, 329 kB).
    Team,
    /// The coordinator's measurements overview, linking to the schools'
    /// reports and team views.
    Measurements,
    /// The coordinator's jury results and print sheet and the jury chair's
    /// page (the same results views): its own app, so the coordinator's
    /// dashboard and the jurors' sheets stay small.
    Judging,
    /// Who takes part: the coordinator's schools and companies (their
    /// forms and CSV import). The set-up was one app of 308 kB; it is three
    /// now (this one, [`App::Matching`], [`App::People`]), each about
    /// 210-245 kB, a link between them a page load.
    Programme,
    /// The coordinator's matching of schools with sponsor companies and the
    /// learning networks with their sessions and attendance.
    Matching,
    /// The edition (its settings, export and import), the coordinator's
    /// people and invitations, and a school's STEM coordinator inviting
    /// colleagues (the same people forms).
    People,
    /// The award: the coordinator's jury set-up and the published award
    /// results (for everyone of the edition). Split from [`App::Judging`]
    /// (316 kB with both), whose results views these pages do not show.
    Award,
    /// A school's plan as an A4 document (`/schools/{id}/plan/print`): its
    /// own app, so the plan editor does not carry the print page (the link
    /// between the two is a page load).
    PlanPrint,
}

/// Address prefixes and the app that serves them; the first match wins.
/// `/` itself is served by the signed-in person's app ([`App::home_for`]).
const PREFIXES: [(&str, App); 20] = [
    ("/coordinator/jury/results", App::Judging),
    ("/coordinator/jury", App::Award),
    ("/coordinator/measurements", App::Measurements),
    ("/coordinator/edition", App::People),
    ("/coordinator/schools", App::Programme),
    ("/coordinator/companies", App::Programme),
    ("/coordinator/matching", App::Matching),
    ("/coordinator/networks", App::Matching),
    ("/coordinator/people", App::People),
    ("/coordinator", App::Coordinator),
    // The chair's page reads the whole results (as the coordinator's does):
    // served by the results' app, so the jurors' app stays small.
    ("/jury/chair", App::Judging),
    ("/nulmeting", App::School),
    ("/schools", App::School),
    ("/colleagues", App::People),
    ("/company", App::Company),
    ("/jury", App::Jury),
    ("/award", App::Award),
    ("/rubric", App::Public),
    ("/dossier", App::Dossier),
    ("/region", App::Region),
];

impl App {
    pub const ALL: [App; 18] = [
        App::Public,
        App::School,
        App::Company,
        App::Jury,
        App::Coordinator,
        App::Plan,
        App::Report,
        App::Team,
        App::Measurements,
        App::Judging,
        App::Programme,
        App::Matching,
        App::People,
        App::Dossier,
        App::Region,
        App::RegionPlan,
        App::Award,
        App::PlanPrint,
    ];

    /// The app's name: its binary, its page (`NAME.html`) and the prefix of
    /// its bundle files.
    pub fn name(self) -> &'static str {
        match self {
            App::Public => "public",
            App::School => "school",
            App::Company => "company",
            App::Jury => "jury",
            App::Coordinator => "coordinator",
            App::Dossier => "dossier",
            App::Region => "region",
            App::RegionPlan => "regionplan",
            App::Plan => "plan",
            App::Report => "report",
            App::Team => "team",
            App::Measurements => "measurements",
            App::Programme => "programme",
            App::Matching => "matching",
            App::People => "people",
            App::Judging => "judging",
            App::Award => "award",
            App::PlanPrint => "planprint",
        }
    }

    pub fn from_name(name: &str) -> Option<App> {
        App::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The app serving `path` (without query or fragment). `/` and unknown
    /// addresses belong to the public app.
    pub fn for_path(path: &str) -> App {
        // A school's plan (`/schools/{id}/plan` and below) is the plan
        // app's, its print the plan print app's, its team view and report
        // the report app's.
        if let Some(rest) = path.strip_prefix("/schools/") {
            let mut parts = rest.split('/').skip(1);
            match parts.next() {
                Some("plan") if parts.next() == Some("print") && parts.next().is_none() => return App::PlanPrint,
                Some("plan") => return App::Plan,
                Some("report") => return App::Report,
                Some("team") => return App::Team,
                _ => {}
            }
        }
        // A region's plan and its dossier are the region plan app's.
        if let Some(rest) = path.strip_prefix("/region/") {
            let mut parts = rest.split('/');
            if let (Some(_), Some("plan" | "dossier"), None) = (parts.next(), parts.next(), parts.next()) {
                return App::RegionPlan;
            }
        }
        PREFIXES
            .iter()
            .find(|(prefix, _)| {
                path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
            .map(|&(_, app)| app)
            .unwrap_or(App::Public)
    }

    /// The app whose start page a signed-in person sees at `/`.
    pub fn home_for(role: Option<Role>) -> App {
        match role {
            None => App::Public,
            Some(Role::SchoolMember) => App::School,
            Some(Role::CompanyMember) => App::Company,
            Some(Role::Juror) => App::Jury,
            Some(Role::Coordinator) => App::Coordinator,
            Some(Role::RegionalCoordinator) => App::Region,
        }
    }

    /// Whether this app serves `path` for a person with `role`.
    pub fn serves(self, path: &str, role: Option<Role>) -> bool {
        if path == "/" || path.is_empty() {
            App::home_for(role) == self
        } else {
            App::for_path(path) == self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_go_to_their_role_app() {
        assert_eq!(App::for_path("/coordinator"), App::Coordinator);
        assert_eq!(App::for_path("/coordinator/jury/results/print"), App::Judging);
        assert_eq!(App::for_path("/coordinator/jury"), App::Award);
        assert_eq!(App::for_path("/coordinator/jury/results"), App::Judging);
        assert_eq!(App::for_path("/coordinator/juryx"), App::Coordinator);
        assert_eq!(App::for_path("/coordinator/measurements"), App::Measurements);
        assert_eq!(App::for_path("/coordinator/edition"), App::People);
        assert_eq!(App::for_path("/coordinator/people"), App::People);
        assert_eq!(App::for_path("/coordinator/matching"), App::Matching);
        assert_eq!(App::for_path("/coordinator/networks"), App::Matching);
        assert_eq!(App::for_path("/coordinator/companies"), App::Programme);
        assert_eq!(App::for_path("/coordinator/schools"), App::Programme);
        assert_eq!(App::for_path("/nulmeting"), App::School);
        assert_eq!(App::for_path("/schools/12/report"), App::Report);
        assert_eq!(App::for_path("/schools/12/plan/print"), App::PlanPrint);
        assert_eq!(App::for_path("/schools/12/plan/printx"), App::Plan);
        assert_eq!(App::for_path("/schools/12/plan/print/x"), App::Plan);
        assert_eq!(App::for_path("/schools/12/plan"), App::Plan);
        assert_eq!(App::for_path("/schools/12/team"), App::Team);
        assert_eq!(App::for_path("/schools/12/teamx"), App::School);
        assert_eq!(App::for_path("/schools/plan"), App::School);
        assert_eq!(App::for_path("/colleagues"), App::People);
        assert_eq!(App::for_path("/company"), App::Company);
        assert_eq!(App::for_path("/jury"), App::Jury);
        assert_eq!(App::for_path("/jury/finalists/3"), App::Jury);
        assert_eq!(App::for_path("/jury/chair"), App::Judging);
        assert_eq!(App::for_path("/award"), App::Award);
        assert_eq!(App::for_path("/coordinator/jury/resultsx"), App::Award);
        assert_eq!(App::for_path("/rubric"), App::Public);
        assert_eq!(App::for_path("/signin"), App::Public);
        assert_eq!(App::for_path("/dossier/12"), App::Dossier);
        assert_eq!(App::for_path("/region"), App::Region);
        assert_eq!(App::for_path("/region/3/portrait"), App::Region);
        assert_eq!(App::for_path("/regions"), App::Public);
        assert_eq!(App::for_path("/region/3/plan"), App::RegionPlan);
        assert_eq!(App::for_path("/region/3/dossier"), App::RegionPlan);
        assert_eq!(App::for_path("/region/3/plan/x"), App::Region);
        assert_eq!(App::for_path("/region/3"), App::Region);
    }

    #[test]
    fn a_prefix_matches_whole_segments_only() {
        assert_eq!(App::for_path("/jurying"), App::Public);
        assert_eq!(App::for_path("/companyx/1"), App::Public);
        assert_eq!(App::for_path("/school"), App::Public);
        assert_eq!(App::for_path("/nope"), App::Public);
    }

    #[test]
    fn the_start_page_is_the_signed_in_persons_app() {
        assert!(App::Public.serves("/", None));
        assert!(App::School.serves("/", Some(Role::SchoolMember)));
        assert!(App::Coordinator.serves("/", Some(Role::Coordinator)));
        assert!(!App::Public.serves("/", Some(Role::Juror)));
        assert!(App::Jury.serves("/", Some(Role::Juror)));
        assert!(App::Company.serves("/", Some(Role::CompanyMember)));
        assert!(App::Region.serves("/", Some(Role::RegionalCoordinator)));
        assert!(App::Report.serves("/schools/1/report", Some(Role::Coordinator)));
        assert!(App::Plan.serves("/schools/1/plan", Some(Role::CompanyMember)));
        assert!(!App::Plan.serves("/", Some(Role::SchoolMember)));
        assert!(App::PlanPrint.serves("/schools/1/plan/print", Some(Role::CompanyMember)));
        assert!(!App::Plan.serves("/schools/1/plan/print", Some(Role::CompanyMember)));
    }

    #[test]
    fn names_round_trip() {
        for app in App::ALL {
            assert_eq!(App::from_name(app.name()), Some(app));
        }
        assert_eq!(App::from_name("index"), None);
    }
}
