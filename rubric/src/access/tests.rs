//! The access table: [`may`] for every role, relation and action, written
//! out as the readable matrix `docs/SECURITY.md` describes, and the
//! invariants the relation builders keep for any ids.

use super::*;
use proptest::prelude::*;

/// The columns of [`TABLE`]: every relation a role can stand in.
const COLUMNS: [(Role, Relation); 14] = [
    (Role::Coordinator, Relation::Coordinator),
    (Role::Coordinator, Relation::None),
    (Role::SchoolMember, Relation::Member),
    (Role::SchoolMember, Relation::Direction),
    (Role::SchoolMember, Relation::StemCoordinator),
    (Role::SchoolMember, Relation::EditionMember),
    (Role::SchoolMember, Relation::None),
    (Role::CompanyMember, Relation::Sponsor),
    (Role::CompanyMember, Relation::EditionMember),
    (Role::CompanyMember, Relation::None),
    (Role::Juror, Relation::Juror),
    (Role::Juror, Relation::ConflictedJuror),
    (Role::Juror, Relation::Chair),
    (Role::Juror, Relation::None),
];

/// `A` allowed, `F` forbidden (403), `N` not found (404), one letter per
/// column of [`COLUMNS`].
#[rustfmt::skip]
const TABLE: [(Action, &str); 24] = [
    //                               coordinator  school member     company    juror
    //                               Co -         Me Di St Ed -     Sp Ed -    Ju Cj Ch -
    (Action::Administer,           "A  F         F  F  F  F  F     F  F  F    F  F  F  F"),
    (Action::ReadPlan,             "A  F         A  A  A  F  F     A  F  F    F  F  F  F"),
    (Action::EditPlan,             "F  F         A  A  A  F  F     F  F  F    F  F  F  F"),
    (Action::StartThread,          "A  F         F  F  F  F  F     A  F  F    F  F  F  F"),
    (Action::Comment,              "A  F         A  A  A  F  F     A  F  F    F  F  F  F"),
    (Action::ListSponsoredSchools, "F  F         F  F  F  F  F     A  F  F    F  F  F  F"),
    (Action::ReadReport,           "A  N         A  A  A  N  N     A  N  N    N  N  N  N"),
    (Action::ReadTeam,             "A  N         A  A  A  N  N     F  N  N    N  N  N  N"),
    (Action::LeadNulmeting,        "A  N         F  A  A  N  N     F  N  N    N  N  N  N"),
    (Action::AnswerNulmeting,      "F  F         A  A  A  N  N     F  F  F    F  F  F  F"),
    (Action::ManageColleagues,     "F  F         F  F  A  F  F     F  F  F    F  F  F  F"),
    (Action::ReadJuryResults,      "A  F         F  F  F  F  F     F  F  F    F  F  A  F"),
    (Action::ActAsChair,           "F  F         F  F  F  F  F     F  F  F    F  F  A  F"),
    (Action::Score,                "F  F         F  F  F  F  F     F  F  F    A  F  A  F"),
    (Action::DecideScoreReopen,    "A  F         F  F  F  F  F     F  F  F    F  F  A  F"),
    (Action::ReadPublishedResults, "A  F         F  F  F  A  F     F  A  F    A  A  A  F"),
    (Action::ReadEvidence,         "A  F         A  A  A  F  F     A  F  F    F  F  F  F"),
    (Action::AttachEvidence,       "A  F         A  A  A  F  F     F  F  F    F  F  F  F"),
    (Action::ReadDossier,          "A  F         A  A  A  F  F     A  F  F    F  F  F  F"),
    (Action::EditDossierSchool,    "F  F         F  A  A  F  F     F  F  F    F  F  F  F"),
    (Action::EditDossierCompany,   "F  F         F  F  F  F  F     A  F  F    F  F  F  F"),
    (Action::ReadRegion,           "A  F         F  F  F  F  F     F  F  F    F  F  F  F"),
    (Action::ManageRegion,         "A  F         F  F  F  F  F     F  F  F    F  F  F  F"),
    (Action::EditRegionalPlan,     "F  F         F  F  F  F  F     F  F  F    F  F  F  F"),
];

/// The regional coordinator's columns (issue 17), kept beside [`TABLE`] so
/// its rows stay as they were: the region's own coordinator, and one of
/// another region (or none).
const REGION_COLUMNS: [(Role, Relation); 2] = [(Role::RegionalCoordinator, Relation::RegionalCoordinator), (Role::RegionalCoordinator, Relation::None)];

#[rustfmt::skip]
const REGION_TABLE: [(Action, &str); 24] = [
    //                               regional coordinator
    //                               Rc -
    (Action::Administer,           "F  F"),
    (Action::ReadPlan,             "F  F"),
    (Action::EditPlan,             "F  F"),
    (Action::StartThread,          "F  F"),
    (Action::Comment,              "F  F"),
    (Action::ListSponsoredSchools, "F  F"),
    (Action::ReadReport,           "N  N"),
    (Action::ReadTeam,             "N  N"),
    (Action::LeadNulmeting,        "N  N"),
    (Action::AnswerNulmeting,      "F  F"),
    (Action::ManageColleagues,     "F  F"),
    (Action::ReadJuryResults,      "F  F"),
    (Action::ActAsChair,           "F  F"),
    (Action::Score,                "F  F"),
    (Action::DecideScoreReopen,    "F  F"),
    (Action::ReadPublishedResults, "F  F"),
    (Action::ReadEvidence,         "F  F"),
    (Action::AttachEvidence,       "F  F"),
    (Action::ReadDossier,          "F  F"),
    (Action::EditDossierSchool,    "F  F"),
    (Action::EditDossierCompany,   "F  F"),
    (Action::ReadRegion,           "A  F"),
    (Action::ManageRegion,         "A  F"),
    (Action::EditRegionalPlan,     "A  F"),
];

fn decision(letter: &str) -> Decision {
    match letter {
        "A" => Decision::Allowed,
        "F" => Decision::Forbidden,
        "N" => Decision::NotFound,
        other => panic!("unknown letter {other:?} in the access table"),
    }
}

/// A new variant fails to compile here until it is listed in `ALL` (and
/// then the table test fails until it has a row or column).
fn position_of(action: Action, relation: Relation, role: Role) -> (usize, usize, usize) {
    let a = match action {
        Action::Administer => 0,
        Action::ReadPlan => 1,
        Action::EditPlan => 2,
        Action::StartThread => 3,
        Action::Comment => 4,
        Action::ListSponsoredSchools => 5,
        Action::ReadReport => 6,
        Action::ReadTeam => 7,
        Action::LeadNulmeting => 8,
        Action::AnswerNulmeting => 9,
        Action::ManageColleagues => 10,
        Action::ReadJuryResults => 11,
        Action::ActAsChair => 12,
        Action::Score => 13,
        Action::DecideScoreReopen => 14,
        Action::ReadPublishedResults => 15,
        Action::ReadEvidence => 16,
        Action::AttachEvidence => 17,
        Action::ReadDossier => 18,
        Action::EditDossierSchool => 19,
        Action::EditDossierCompany => 20,
        Action::ReadRegion => 21,
        Action::ManageRegion => 22,
        Action::EditRegionalPlan => 23,
    };
    let r = match relation {
        Relation::Coordinator => 0,
        Relation::Member => 1,
        Relation::Direction => 2,
        Relation::StemCoordinator => 3,
        Relation::Sponsor => 4,
        Relation::EditionMember => 5,
        Relation::Juror => 6,
        Relation::ConflictedJuror => 7,
        Relation::Chair => 8,
        Relation::None => 9,
        Relation::RegionalCoordinator => 10,
    };
    let o = match role {
        Role::Coordinator => 0,
        Role::SchoolMember => 1,
        Role::CompanyMember => 2,
        Role::Juror => 3,
        Role::RegionalCoordinator => 4,
    };
    (a, r, o)
}

#[test]
fn every_variant_is_listed() {
    for (i, a) in Action::ALL.into_iter().enumerate() {
        assert_eq!(position_of(a, Relation::None, Role::Juror).0, i, "{a:?}");
    }
    for (i, r) in Relation::ALL.into_iter().enumerate() {
        assert_eq!(position_of(Action::Administer, r, Role::Juror).1, i, "{r:?}");
    }
    for (i, o) in Role::ALL.into_iter().enumerate() {
        assert_eq!(position_of(Action::Administer, Relation::None, o).2, i, "{o:?}");
    }
}

#[test]
fn the_columns_are_every_relation_a_role_can_have() {
    for role in Role::ALL {
        for relation in Relation::ALL {
            let listed = COLUMNS.contains(&(role, relation)) || REGION_COLUMNS.contains(&(role, relation));
            assert_eq!(listed, relation.fits(role), "{role:?} {relation:?}");
        }
    }
}

/// The table, for every role x relation x action: written out where the
/// relation fits the role, and as [`Relation::None`] where it does not.
#[test]
fn the_access_table() {
    let mut checked = 0;
    for action in Action::ALL {
        let row = TABLE.iter().find(|(a, _)| *a == action).unwrap_or_else(|| panic!("no row for {action:?}")).1;
        let region_row = REGION_TABLE.iter().find(|(a, _)| *a == action).unwrap_or_else(|| panic!("no region row for {action:?}")).1;
        let cells: Vec<Decision> = row.split_whitespace().chain(region_row.split_whitespace()).map(decision).collect();
        assert_eq!(cells.len(), COLUMNS.len() + REGION_COLUMNS.len(), "{action:?}");
        let columns: Vec<(Role, Relation)> = COLUMNS.into_iter().chain(REGION_COLUMNS).collect();
        for role in Role::ALL {
            for relation in Relation::ALL {
                let column = if relation.fits(role) { (role, relation) } else { (role, Relation::None) };
                let i = columns.iter().position(|c| *c == column).expect("every role has a None column");
                assert_eq!(may(role, relation, action), cells[i], "{role:?} {relation:?} {action:?}");
                checked += 1;
            }
        }
    }
    assert_eq!(TABLE.len(), Action::ALL.len());
    assert_eq!(REGION_TABLE.len(), Action::ALL.len());
    assert_eq!(checked, Action::ALL.len() * Relation::ALL.len() * Role::ALL.len());
}

#[test]
fn nobody_without_a_relation_is_allowed_anything() {
    for role in Role::ALL {
        for action in Action::ALL {
            assert!(!may(role, Relation::None, action).is_allowed(), "{role:?} {action:?}");
        }
    }
}

fn me(id: i64, role: Role, school_id: Option<i64>, company_id: Option<i64>, function: Option<SchoolFunction>) -> Me {
    Me { id, name: "X".into(), role, school_id, school_name: None, company_id, company_name: None, school_function: function }
}

fn any_role() -> impl Strategy<Value = Role> {
    prop::sample::select(Role::ALL.to_vec())
}

fn any_function() -> impl Strategy<Value = Option<SchoolFunction>> {
    prop::option::of(prop::sample::select(SchoolFunction::ALL.to_vec()))
}

const SCHOOL_ACTIONS: [Action; 13] = [
    Action::ReadEvidence,
    Action::AttachEvidence,
    Action::ReadDossier,
    Action::EditDossierSchool,
    Action::EditDossierCompany,
    Action::ReadPlan,
    Action::EditPlan,
    Action::StartThread,
    Action::Comment,
    Action::ReadReport,
    Action::ReadTeam,
    Action::LeadNulmeting,
    Action::AnswerNulmeting,
];

proptest! {
    /// Whatever the ids: a school's data is open only to the coordinator,
    /// the school's own members and members of its current sponsor.
    #[test]
    fn a_school_is_open_only_to_its_people(
        role in any_role(), function in any_function(),
        my_school in prop::option::of(1i64..4), my_company in prop::option::of(1i64..4),
        school in 1i64..4, sponsor in prop::option::of(1i64..4),
    ) {
        let me = me(7, role, my_school, my_company, function);
        let relation = relation_to_school(&me, school, sponsor);
        for action in SCHOOL_ACTIONS {
            if may(role, relation, action).is_allowed() {
                let own = role == Role::SchoolMember && my_school == Some(school);
                let sponsors = role == Role::CompanyMember && my_company.is_some() && my_company == sponsor;
                prop_assert!(role == Role::Coordinator || own || sponsors, "{:?} {:?}", role, action);
            }
        }
    }

    /// A company only reads and comments (and writes its own part of the
    /// award dossier), and only its current sponsored schools.
    #[test]
    fn a_company_only_reads_and_comments(
        my_company in prop::option::of(1i64..4), school in 1i64..4, sponsor in prop::option::of(1i64..4),
        is_juror: bool, belongs: bool,
    ) {
        let me = me(7, Role::CompanyMember, Some(school), my_company, Some(SchoolFunction::StemCoordinator));
        // The school's relation comes only from the school's sponsor; the
        // others carry no school, so they never open a school action.
        let relations = [
            relation_to_school(&me, school, sponsor),
            relation_to_own_school(&me),
            relation_to_jury(&me, is_juror, Some(7)),
            relation_to_finalist(&me, is_juror, Some(7), false),
            relation_to_edition(&me, is_juror, belongs),
            relation_to_programme(&me),
        ];
        for relation in relations {
            for action in Action::ALL {
                if may(Role::CompanyMember, relation, action).is_allowed() {
                    prop_assert!(matches!(action, Action::ReadPlan | Action::StartThread | Action::Comment | Action::ReadReport
                        | Action::ListSponsoredSchools | Action::ReadPublishedResults | Action::ReadEvidence | Action::ReadDossier
                        | Action::EditDossierCompany), "{:?} {:?}", relation, action);
                    if SCHOOL_ACTIONS.contains(&action) {
                        prop_assert!(relation == Relation::Sponsor && my_company.is_some() && my_company == sponsor);
                    }
                }
            }
        }
    }

    /// A conflict of interest with a finalist shuts out every juror, the
    /// chair included, from scoring it and deciding on its sheets.
    #[test]
    fn a_conflict_outweighs_the_chair(id in 1i64..5, chair in prop::option::of(1i64..5), is_juror: bool) {
        let me = me(id, Role::Juror, None, None, None);
        let relation = relation_to_finalist(&me, is_juror, chair, true);
        for action in [Action::Score, Action::DecideScoreReopen, Action::ActAsChair, Action::ReadJuryResults] {
            prop_assert!(!may(Role::Juror, relation, action).is_allowed());
        }
        let free = relation_to_finalist(&me, is_juror, chair, false);
        prop_assert_eq!(may(Role::Juror, free, Action::Score).is_allowed(), is_juror);
        prop_assert_eq!(may(Role::Juror, free, Action::DecideScoreReopen).is_allowed(), is_juror && chair == Some(id));
    }
}

#[test]
fn a_member_who_does_not_lead_sees_the_team_only_through_the_blind_rule() {
    for role in Role::ALL {
        for relation in Relation::ALL {
            let read = may(role, relation, Action::ReadTeam);
            let lead = may(role, relation, Action::LeadNulmeting).is_allowed();
            assert_eq!(may_read_team(role, relation, true), read, "{role:?} {relation:?}");
            let blind = if read.is_allowed() && !lead { Decision::Forbidden } else { read };
            assert_eq!(may_read_team(role, relation, false), blind, "{role:?} {relation:?}");
        }
    }
    assert_eq!(may_read_team(Role::SchoolMember, Relation::Member, false), Decision::Forbidden);
    assert_eq!(may_read_team(Role::SchoolMember, Relation::Direction, false), Decision::Allowed);
    assert_eq!(may_read_team(Role::CompanyMember, Relation::Sponsor, true), Decision::Forbidden);
}

#[test]
fn the_relations_follow_the_facts() {
    let stem = me(10, Role::SchoolMember, Some(1), None, Some(SchoolFunction::StemCoordinator));
    let direction = me(11, Role::SchoolMember, Some(1), None, Some(SchoolFunction::Direction));
    let teacher = me(12, Role::SchoolMember, Some(1), None, Some(SchoolFunction::Teacher));
    let company = me(13, Role::CompanyMember, None, Some(5), None);
    let coordinator = me(1, Role::Coordinator, None, None, None);
    let juror = me(20, Role::Juror, None, None, None);
    assert_eq!(relation_to_school(&stem, 1, Some(5)), Relation::StemCoordinator);
    assert_eq!(relation_to_school(&direction, 1, None), Relation::Direction);
    assert_eq!(relation_to_school(&teacher, 1, None), Relation::Member);
    assert_eq!(relation_to_school(&teacher, 2, None), Relation::None);
    assert_eq!(relation_to_school(&company, 1, Some(5)), Relation::Sponsor);
    assert_eq!(relation_to_school(&company, 1, Some(6)), Relation::None);
    assert_eq!(relation_to_school(&company, 1, None), Relation::None);
    assert_eq!(relation_to_school(&coordinator, 1, None), Relation::Coordinator);
    assert_eq!(relation_to_school(&juror, 1, None), Relation::None);
    assert_eq!(relation_to_own_school(&stem), Relation::StemCoordinator);
    assert_eq!(relation_to_own_school(&company), Relation::None);
    assert_eq!(relation_to_own_company(&company), Relation::Sponsor);
    assert_eq!(relation_to_own_company(&teacher), Relation::None);
    assert_eq!(relation_to_jury(&juror, true, Some(20)), Relation::Chair);
    assert_eq!(relation_to_jury(&juror, false, Some(20)), Relation::None);
    assert_eq!(relation_to_jury(&juror, true, Some(21)), Relation::Juror);
    assert_eq!(relation_to_jury(&teacher, true, Some(12)), Relation::None);
    assert_eq!(relation_to_finalist(&juror, true, Some(20), true), Relation::ConflictedJuror);
    assert_eq!(relation_to_edition(&juror, true, false), Relation::Juror);
    assert_eq!(relation_to_edition(&juror, false, true), Relation::None);
    assert_eq!(relation_to_edition(&company, false, true), Relation::EditionMember);
    assert_eq!(relation_to_edition(&teacher, false, false), Relation::None);
    assert_eq!(relation_to_edition(&coordinator, false, false), Relation::Coordinator);
}

/// Evidence files follow their item: a respondent's the blind rule (its
/// owner always, the company never), the consensus's the consensus, a
/// plan action's the plan; a company of another school is refused (403).
#[test]
fn evidence_follows_its_item() {
    use Decision::{Allowed, Forbidden};
    let answer = |own, answers_visible| EvidenceAccess::Answer { own, answers_visible };
    let cases = [
        (Role::SchoolMember, Relation::Member, answer(true, false), Allowed),
        (Role::SchoolMember, Relation::Member, answer(false, false), Forbidden),
        (Role::SchoolMember, Relation::Member, answer(false, true), Allowed),
        (Role::SchoolMember, Relation::StemCoordinator, answer(false, false), Forbidden),
        (Role::Coordinator, Relation::Coordinator, answer(false, false), Allowed),
        (Role::CompanyMember, Relation::Sponsor, answer(false, true), Forbidden),
        (Role::CompanyMember, Relation::Sponsor, EvidenceAccess::Consensus { visible: true }, Allowed),
        (Role::SchoolMember, Relation::Member, EvidenceAccess::Consensus { visible: false }, Forbidden),
        (Role::CompanyMember, Relation::Sponsor, EvidenceAccess::PlanAction, Allowed),
        (Role::CompanyMember, Relation::None, EvidenceAccess::PlanAction, Forbidden),
        (Role::CompanyMember, Relation::EditionMember, EvidenceAccess::Consensus { visible: true }, Forbidden),
        (Role::SchoolMember, Relation::None, EvidenceAccess::PlanAction, Forbidden),
        (Role::Juror, Relation::Juror, EvidenceAccess::PlanAction, Forbidden),
        (Role::SchoolMember, Relation::Member, EvidenceAccess::PlanAction, Allowed),
    ];
    for (role, relation, item, expected) in cases {
        assert_eq!(may_read_evidence(role, relation, item), expected, "{role:?} {relation:?} {item:?}");
    }
    let change = [
        (Role::SchoolMember, Relation::Member, EvidenceChange::Answer { own: true }, Allowed),
        (Role::SchoolMember, Relation::StemCoordinator, EvidenceChange::Answer { own: false }, Forbidden),
        (Role::Coordinator, Relation::Coordinator, EvidenceChange::Answer { own: false }, Forbidden),
        (Role::SchoolMember, Relation::Member, EvidenceChange::Consensus, Forbidden),
        (Role::SchoolMember, Relation::Direction, EvidenceChange::Consensus, Allowed),
        (Role::Coordinator, Relation::Coordinator, EvidenceChange::Consensus, Allowed),
        (Role::SchoolMember, Relation::Member, EvidenceChange::PlanAction, Allowed),
        (Role::CompanyMember, Relation::Sponsor, EvidenceChange::PlanAction, Forbidden),
        (Role::Coordinator, Relation::Coordinator, EvidenceChange::PlanAction, Forbidden),
    ];
    for (role, relation, item, expected) in change {
        assert_eq!(may_change_evidence(role, relation, item), expected, "{role:?} {relation:?} {item:?}");
    }
}

#[test]
fn a_regional_coordinator_reaches_only_their_own_region() {
    let rc = me(30, Role::RegionalCoordinator, None, None, None);
    let coordinator = me(1, Role::Coordinator, None, None, None);
    let teacher = me(12, Role::SchoolMember, Some(1), None, Some(SchoolFunction::StemCoordinator));
    assert_eq!(relation_to_region(&rc, Some(4), 4), Relation::RegionalCoordinator);
    assert_eq!(relation_to_region(&rc, Some(4), 5), Relation::None);
    assert_eq!(relation_to_region(&rc, None, 4), Relation::None);
    assert_eq!(relation_to_region(&coordinator, None, 4), Relation::Coordinator);
    assert_eq!(relation_to_region(&teacher, Some(4), 4), Relation::None);
    assert_eq!(may(Role::RegionalCoordinator, relation_to_region(&rc, Some(4), 5), Action::ManageRegion), Decision::Forbidden);
    assert_eq!(may(Role::RegionalCoordinator, relation_to_region(&rc, Some(4), 4), Action::ManageRegion), Decision::Allowed);
    // Nothing of the programme or of a school opens to a regional coordinator.
    for relation in [relation_to_programme(&rc), relation_to_school(&rc, 1, Some(2)), relation_to_own_school(&rc), relation_to_edition(&rc, false, true)] {
        for action in Action::ALL {
            assert!(!may(Role::RegionalCoordinator, relation, action).is_allowed(), "{relation:?} {action:?}");
        }
    }
}
