//! Every address of the interface as a `Route`: its path, and the route of
//! a path by a `match` on the path's segments (yew-router's derived route
//! table, a pattern matcher and a `HashMap` of parameters, cost every app
//! some 20 kB of wasm; `crate::router` is the app's own router now).
//! `rubric::apps::App::for_path` says which app serves each address.

#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// `/`
    Home,
    /// `/signin`
    SignIn,
    /// `/rubric`
    Rubric,

    // Programme coordinator
    /// `/coordinator`
    Dashboard,
    /// `/coordinator/edition`
    Edition,
    /// `/coordinator/schools`
    Schools,
    /// `/coordinator/companies`
    Companies,
    /// `/coordinator/matching`
    Matching,
    /// `/coordinator/networks`
    Networks,
    /// `/coordinator/people`
    People,
    /// A school's STEM coordinator invites colleagues (issue 4).
    /// `/colleagues`
    Colleagues,
    /// `/coordinator/jury`
    JurySetup,
    /// `/coordinator/jury/results`
    JuryResults,
    /// `/coordinator/measurements`
    Measurements,
    /// `/coordinator/jury/results/print`
    JuryResultsPrint,

    // School team
    /// `/nulmeting`
    Nulmeting,
    /// `/schools/:id/team`
    SchoolTeam { id: i64 },
    /// `/schools/:id/report`
    SchoolReport { id: i64 },
    /// `/schools/:id/plan`
    SchoolPlan { id: i64 },
    /// `/schools/:id/plan/print`
    SchoolPlanPrint { id: i64 },

    // Sponsor company
    /// `/company`
    CompanyHome,

    // Jury
    /// `/jury`
    JuryHome,
    /// `/jury/finalists/:id`
    JuryScore { id: i64 },
    /// The chair's page: ties to decide, winners to confirm.
    /// `/jury/chair`
    JuryChair,
    /// The published award results, for jurors and finalist schools.
    /// `/award`
    AwardResults,

    // The award dossier (its own app)
    /// `/dossier/:id` (a school's id)
    Dossier { id: i64 },
    // Regions (issue 17), the region app
    /// The regions one works on (a regional coordinator's own; every
    /// region and the set-up for the programme coordinator).
    /// `/region`
    RegionHome,
    /// A region: its schools, companies, partners and coordinators.
    /// `/region/:id`
    Region { id: i64 },
    /// The region portrait: pupil numbers (CSV import), progression,
    /// facilities and networks, the aggregated profile.
    /// `/region/:id/portrait`
    RegionPortrait { id: i64 },
    /// The region's plan: goals, learning routes, actions, cofinancing.
    /// `/region/:id/plan`
    RegionPlan { id: i64 },
    /// The subsidy dossier, printable (A4, Dutch).
    /// `/region/:id/dossier`
    RegionDossier { id: i64 },

    /// `/404`
    NotFound,
}

impl Route {
    /// The address of the route.
    pub fn to_path(&self) -> String {
        let fixed = match self {
            Route::Home => "/",
            Route::SignIn => "/signin",
            Route::Rubric => "/rubric",
            Route::Dashboard => "/coordinator",
            Route::Edition => "/coordinator/edition",
            Route::Schools => "/coordinator/schools",
            Route::Companies => "/coordinator/companies",
            Route::Matching => "/coordinator/matching",
            Route::Networks => "/coordinator/networks",
            Route::People => "/coordinator/people",
            Route::Colleagues => "/colleagues",
            Route::JurySetup => "/coordinator/jury",
            Route::JuryResults => "/coordinator/jury/results",
            Route::Measurements => "/coordinator/measurements",
            Route::JuryResultsPrint => "/coordinator/jury/results/print",
            Route::Nulmeting => "/nulmeting",
            Route::CompanyHome => "/company",
            Route::JuryHome => "/jury",
            Route::JuryChair => "/jury/chair",
            Route::AwardResults => "/award",
            Route::NotFound => "/404",
            Route::RegionHome => "/region",
            Route::Region { id } => return format!("/region/{id}"),
            Route::RegionPortrait { id } => return format!("/region/{id}/portrait"),
            Route::RegionPlan { id } => return format!("/region/{id}/plan"),
            Route::RegionDossier { id } => return format!("/region/{id}/dossier"),
            Route::SchoolTeam { id } => return format!("/schools/{id}/team"),
            Route::SchoolReport { id } => return format!("/schools/{id}/report"),
            Route::SchoolPlan { id } => return format!("/schools/{id}/plan"),
            Route::SchoolPlanPrint { id } => return format!("/schools/{id}/plan/print"),
            Route::JuryScore { id } => return format!("/jury/finalists/{id}"),
            Route::Dossier { id } => return format!("/dossier/{id}"),
        };
        fixed.to_string()
    }


    /// The route of a path; a trailing slash is ignored, anything else
    /// unknown (or an id that is not a number) is `NotFound`.
    pub fn recognize(pathname: &str) -> Route {
        let path = pathname.strip_suffix('/').unwrap_or(pathname);
        let segments: Vec<&str> = path.split('/').skip(1).collect();
        let id = |s: &str| s.parse::<i64>().ok();
        let route = match segments.as_slice() {
            [] => Some(Route::Home),
            ["signin"] => Some(Route::SignIn),
            ["rubric"] => Some(Route::Rubric),
            ["coordinator"] => Some(Route::Dashboard),
            ["coordinator", "edition"] => Some(Route::Edition),
            ["coordinator", "schools"] => Some(Route::Schools),
            ["coordinator", "companies"] => Some(Route::Companies),
            ["coordinator", "matching"] => Some(Route::Matching),
            ["coordinator", "networks"] => Some(Route::Networks),
            ["coordinator", "people"] => Some(Route::People),
            ["coordinator", "measurements"] => Some(Route::Measurements),
            ["coordinator", "jury"] => Some(Route::JurySetup),
            ["coordinator", "jury", "results"] => Some(Route::JuryResults),
            ["coordinator", "jury", "results", "print"] => Some(Route::JuryResultsPrint),
            ["colleagues"] => Some(Route::Colleagues),
            ["nulmeting"] => Some(Route::Nulmeting),
            ["schools", s, "team"] => id(s).map(|id| Route::SchoolTeam { id }),
            ["schools", s, "report"] => id(s).map(|id| Route::SchoolReport { id }),
            ["schools", s, "plan"] => id(s).map(|id| Route::SchoolPlan { id }),
            ["schools", s, "plan", "print"] => id(s).map(|id| Route::SchoolPlanPrint { id }),
            ["company"] => Some(Route::CompanyHome),
            ["jury"] => Some(Route::JuryHome),
            ["jury", "finalists", s] => id(s).map(|id| Route::JuryScore { id }),
            ["jury", "chair"] => Some(Route::JuryChair),
            ["award"] => Some(Route::AwardResults),
            ["dossier", s] => id(s).map(|id| Route::Dossier { id }),
            ["region"] => Some(Route::RegionHome),
            ["region", s] => id(s).map(|id| Route::Region { id }),
            ["region", s, "portrait"] => id(s).map(|id| Route::RegionPortrait { id }),
            ["region", s, "plan"] => id(s).map(|id| Route::RegionPlan { id }),
            ["region", s, "dossier"] => id(s).map(|id| Route::RegionDossier { id }),
            _ => None,
        };
        route.unwrap_or(Route::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rubric::apps::App;

    fn all() -> Vec<Route> {
        vec![
            Route::Home, Route::SignIn, Route::Rubric, Route::Dashboard, Route::Edition, Route::Schools,
            Route::Companies, Route::Matching, Route::Networks, Route::People, Route::Colleagues, Route::JurySetup,
            Route::JuryResults, Route::Measurements, Route::JuryResultsPrint, Route::Nulmeting,
            Route::SchoolTeam { id: 3 }, Route::SchoolReport { id: 3 }, Route::SchoolPlan { id: 3 },
            Route::SchoolPlanPrint { id: 3 }, Route::CompanyHome, Route::JuryHome, Route::JuryScore { id: 12 },
            Route::JuryChair, Route::AwardResults, Route::Dossier { id: 4 },
           
            Route::RegionHome, Route::Region { id: 4 }, Route::RegionPortrait { id: 4 },
            Route::RegionPlan { id: 4 }, Route::RegionDossier { id: 4 },
        ]
    }

    #[test]
    fn every_route_reads_back_from_its_address() {
        for route in all() {
            assert_eq!(Route::recognize(&route.to_path()), route.clone(), "{route:?}");
            if route != Route::Home {
                assert_eq!(Route::recognize(&format!("{}/", route.to_path())), route.clone(), "{route:?} with a slash");
            }
        }
    }

    #[test]
    fn unknown_addresses_and_bad_ids_are_not_found() {
        for path in ["/nope", "/schools/x/report", "/schools/3", "/coordinator/jury/results/print/more", "/jury/finalists/", "//"] {
            assert_eq!(Route::recognize(path), Route::NotFound, "{path}");
        }
    }


    /// Each app's routes are served by that app (the start page by every
    /// app), so a link inside an app never needs the server.
    #[test]
    fn every_address_belongs_to_one_app() {
        let expect = |r: &Route| match r {
            Route::Home | Route::SignIn | Route::Rubric => App::Public,
            Route::Nulmeting => App::School,
            Route::SchoolReport { .. } => App::Report,
            Route::SchoolTeam { .. } => App::Team,
            Route::Measurements => App::Measurements,
            Route::SchoolPlan { .. } => App::Plan,
            Route::SchoolPlanPrint { .. } => App::PlanPrint,
            Route::JuryResults | Route::JuryResultsPrint | Route::JuryChair => App::Judging,
            Route::JurySetup | Route::AwardResults => App::Award,
            Route::CompanyHome => App::Company,
                        Route::Dossier { .. } => App::Dossier,
            Route::RegionHome | Route::Region { .. } | Route::RegionPortrait { .. } => App::Region,
            Route::RegionPlan { .. } | Route::RegionDossier { .. } => App::RegionPlan,
            Route::JuryHome | Route::JuryScore { .. } => App::Jury,
            Route::Schools | Route::Companies => App::Programme,
            Route::Matching | Route::Networks => App::Matching,
            Route::Edition | Route::People | Route::Colleagues => App::People,
            _ => App::Coordinator,
        };
        for route in all() {
            assert_eq!(App::for_path(&route.to_path()), expect(&route), "{route:?}");
        }
    }
}
