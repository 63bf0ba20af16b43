//! The access model in one place: who may see and change what. A person's
//! [`Relation`] to the thing asked about (a school, a jury, a finalist, the
//! edition) is built from plain facts the server loads (the school's
//! current sponsor, the jury's members and chair, conflict flags); [`may`]
//! then decides an [`Action`] from the role and that relation: allowed,
//! forbidden (403) or not found (404: where the server does not even admit
//! the thing exists). The finer rules that need more facts than a relation
//! (the blind rules, reopening one's own sheet, re-issuing a link) are here
//! too. Every handler of the server and the frontend's navigation ask these
//! functions; `docs/SECURITY.md` is their readable form, its endpoint table
//! checked against the server by `server/tests/all/authz.rs`, and the table
//! test below checks [`may`] for every role, relation and action.

use crate::people::{Me, Role, SchoolFunction};
use crate::submission::SheetStatus;
use serde::{Deserialize, Serialize};

/// How the signed-in person relates to the thing they ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// The programme coordinator: every school, company and jury.
    Coordinator,
    /// A member of the school who does not lead it (a teacher, another function).
    Member,
    /// The school's direction: a member who leads its nulmeting.
    Direction,
    /// The school's STEM coordinator: leads its nulmeting and invites colleagues.
    StemCoordinator,
    /// A member of the company that currently sponsors the school (for the
    /// company's own list: a member of the company).
    Sponsor,
    /// A member of a school or company of the edition (not of this school).
    EditionMember,
    /// A juror of the active jury, without an active conflict of interest
    /// with the finalist asked about (if any).
    Juror,
    /// A juror (or the chair) of the active jury with an active conflict of
    /// interest with the finalist asked about.
    ConflictedJuror,
    /// The chair of the active jury (a juror of it), without a conflict with
    /// the finalist asked about (if any).
    Chair,
    /// Nothing ties the person to it: another school, a school their
    /// company does not sponsor, not a juror of the active jury.
    None,
    /// The regional coordinator of the region asked about (issue 17).
    RegionalCoordinator,
}

impl Relation {
    pub const ALL: [Relation; 11] = [
        Relation::Coordinator,
        Relation::Member,
        Relation::Direction,
        Relation::StemCoordinator,
        Relation::Sponsor,
        Relation::EditionMember,
        Relation::Juror,
        Relation::ConflictedJuror,
        Relation::Chair,
        Relation::None,
        Relation::RegionalCoordinator,
    ];

    /// Whether a person of this role can stand in this relation at all.
    /// [`may`] treats a relation that does not fit the role as [`Relation::None`].
    pub fn fits(self, role: Role) -> bool {
        match self {
            Relation::None => true,
            Relation::Coordinator => role == Role::Coordinator,
            Relation::Member | Relation::Direction | Relation::StemCoordinator => role == Role::SchoolMember,
            Relation::Sponsor => role == Role::CompanyMember,
            Relation::EditionMember => matches!(role, Role::SchoolMember | Role::CompanyMember),
            Relation::Juror | Relation::ConflictedJuror | Relation::Chair => role == Role::Juror,
            Relation::RegionalCoordinator => role == Role::RegionalCoordinator,
        }
    }

    /// A member of the school itself, leading it or not.
    pub fn is_school(self) -> bool {
        matches!(self, Relation::Member | Relation::Direction | Relation::StemCoordinator)
    }

    /// A member who leads the school's nulmeting (its STEM coordinator or direction).
    pub fn leads(self) -> bool {
        matches!(self, Relation::Direction | Relation::StemCoordinator)
    }
}

/// What a person asks to do. Each endpoint of the API is one action on one
/// kind of thing (`docs/SECURITY.md` lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// The programme's set-up: editions, schools, companies, matching,
    /// networks, people, measurements, the jury's set-up, locking and
    /// publishing, exports and imports.
    Administer,
    /// Read a school's action plan, its summary and versions; mark it read.
    ReadPlan,
    /// Write the school's action plan (goals, actions, submitting).
    EditPlan,
    /// Start a comment thread on a goal or action of the plan.
    StartThread,
    /// Reply in, resolve or reopen a thread on the plan.
    Comment,
    /// List the schools one's company currently sponsors.
    ListSponsoredSchools,
    /// Read a school's nulmeting report.
    ReadReport,
    /// Read a school's team view (a member who does not lead only while the
    /// blind rule lets them, [`may_see_team_answers`]).
    ReadTeam,
    /// Lead the school's nulmeting: the team view at every stage, deciding
    /// reopen requests (not on one's own sheet) and recording the consensus
    /// (after submitting one's own answers).
    LeadNulmeting,
    /// Fill in one's own nulmeting sheet: read, answer, submit, ask to reopen.
    AnswerNulmeting,
    /// Invite colleagues into one's school and (re)send their links.
    ManageColleagues,
    /// Read the jury's results and audit log at any stage.
    ReadJuryResults,
    /// The chair's decisions: an order for ties no rule breaks, confirming a
    /// winner that is not robust.
    ActAsChair,
    /// Score a finalist: one's jury home, the finalist, one's sheet, the
    /// others' sheets (blind rule: [`may_see_other_sheets`]), asking to
    /// reopen, declaring conflicts.
    Score,
    /// Reopen or decline to reopen a juror's score sheet (not one's own).
    DecideScoreReopen,
    /// Read the published results of the active edition.
    ReadPublishedResults,
    /// Download a school's evidence files (and list them): then the item's
    /// own rule, [`may_read_evidence`].
    ReadEvidence,
    /// Attach evidence files to a school's items, delete and restore them:
    /// then the item's own rule, [`may_change_evidence`].
    AttachEvidence,
    /// Read a school's award dossier (both parts, the sign-offs).
    ReadDossier,
    /// Write the school's part of the dossier (its text, the summary, the
    /// plan version, the evidence) and sign off for the school: its leads.
    EditDossierSchool,
    /// Write the company's part of the dossier and sign off for the
    /// company: the members of the school's current sponsor.
    EditDossierCompany,
    /// Read a region (issue 17): its schools, companies, partners, portrait
    /// and aggregated profile.
    ReadRegion,
    /// Manage a region's own content: partners, the portrait's pupil
    /// numbers, progression figures, facilities and networks. Creating
    /// regions, assigning schools and companies and inviting regional
    /// coordinators is [`Action::Administer`].
    ManageRegion,
    /// Write a region's plan (issue 17): its goals, learning routes and
    /// actions with budgets and company contributions. Only the region's
    /// own coordinator; the programme coordinator reads it
    /// ([`Action::ReadRegion`]).
    EditRegionalPlan,
}

impl Action {
    pub const ALL: [Action; 24] = [
        Action::Administer,
        Action::ReadPlan,
        Action::EditPlan,
        Action::StartThread,
        Action::Comment,
        Action::ListSponsoredSchools,
        Action::ReadReport,
        Action::ReadTeam,
        Action::LeadNulmeting,
        Action::AnswerNulmeting,
        Action::ManageColleagues,
        Action::ReadJuryResults,
        Action::ActAsChair,
        Action::Score,
        Action::DecideScoreReopen,
        Action::ReadPublishedResults,
        Action::ReadEvidence,
        Action::AttachEvidence,
        Action::ReadDossier,
        Action::EditDossierSchool,
        Action::EditDossierCompany,
        Action::ReadRegion,
        Action::ManageRegion,
        Action::EditRegionalPlan,
    ];
}

/// The answer of [`may`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    Allowed,
    /// Refused, and the person may know the thing exists (403).
    Forbidden,
    /// Refused without admitting the thing exists (404).
    NotFound,
}

impl Decision {
    pub fn is_allowed(self) -> bool {
        self == Decision::Allowed
    }

    fn when(allowed: bool, otherwise: Decision) -> Decision {
        if allowed {
            Decision::Allowed
        } else {
            otherwise
        }
    }
}

/// May a person of `role`, standing in `relation` to the thing, do `action`?
pub fn may(role: Role, relation: Relation, action: Action) -> Decision {
    use Decision::{Forbidden, NotFound};
    use Relation as R;
    let r = if relation.fits(role) { relation } else { R::None };
    // The school's own data answers 404 to whoever has nothing to do with
    // the school, 403 to those who do but may not do this.
    let tied_to_school = r.is_school() || matches!(r, R::Coordinator | R::Sponsor);
    let school_data = |allowed: bool| match (allowed, tied_to_school) {
        (true, _) => Decision::Allowed,
        (false, true) => Forbidden,
        (false, false) => NotFound,
    };
    match action {
        Action::Administer => Decision::when(r == R::Coordinator, Forbidden),
        // The plan pages say 403 to everyone refused (`docs/SECURITY.md`).
        Action::ReadPlan | Action::Comment => Decision::when(tied_to_school, Forbidden),
        Action::EditPlan => Decision::when(r.is_school(), Forbidden),
        Action::StartThread => Decision::when(matches!(r, R::Coordinator | R::Sponsor), Forbidden),
        Action::ListSponsoredSchools => Decision::when(r == R::Sponsor, Forbidden),
        Action::ReadReport => school_data(tied_to_school),
        Action::ReadTeam => school_data(r.is_school() || r == R::Coordinator),
        Action::LeadNulmeting => school_data(r.leads() || r == R::Coordinator),
        // One's own sheet: other roles have none (403); a member asking
        // about another school's measurement is told nothing (404).
        Action::AnswerNulmeting if r.is_school() => Decision::Allowed,
        Action::AnswerNulmeting if role == Role::SchoolMember => NotFound,
        Action::AnswerNulmeting => Forbidden,
        Action::ManageColleagues => Decision::when(r == R::StemCoordinator, Forbidden),
        Action::ReadJuryResults => Decision::when(matches!(r, R::Coordinator | R::Chair), Forbidden),
        Action::ActAsChair => Decision::when(r == R::Chair, Forbidden),
        Action::Score => Decision::when(matches!(r, R::Juror | R::Chair), Forbidden),
        Action::DecideScoreReopen => Decision::when(matches!(r, R::Coordinator | R::Chair), Forbidden),
        Action::ReadPublishedResults => {
            Decision::when(matches!(r, R::Coordinator | R::Juror | R::ConflictedJuror | R::Chair | R::EditionMember), Forbidden)
        }
        // Evidence files: 403 to everyone refused (a company of another
        // school included), as the plan.
        Action::ReadEvidence => Decision::when(tied_to_school, Forbidden),
        Action::AttachEvidence => Decision::when(r.is_school() || r == R::Coordinator, Forbidden),
        // The dossier, like the plan, says 403 to everyone refused.
        Action::ReadDossier => Decision::when(tied_to_school, Forbidden),
        Action::EditDossierSchool => Decision::when(r.leads(), Forbidden),
        Action::EditDossierCompany => Decision::when(r == R::Sponsor, Forbidden),
        // A region: the programme coordinator and the region's own
        // coordinator; a coordinator of another region learns it exists (403).
        Action::ReadRegion | Action::ManageRegion => Decision::when(matches!(r, R::Coordinator | R::RegionalCoordinator), Forbidden),
        // The region's plan is written by the region itself.
        Action::EditRegionalPlan => Decision::when(r == R::RegionalCoordinator, Forbidden),
    }
}

/// Whether a person of `role` may do `action` in some relation: what a
/// role can do at all, for the rules that look only at the role.
pub fn may_in_some_relation(role: Role, action: Action) -> bool {
    Relation::ALL.into_iter().any(|relation| may(role, relation, action).is_allowed())
}

/// The relation that needs no facts: the coordinator's to anything, and
/// nobody else's.
pub fn relation_to_programme(me: &Me) -> Relation {
    if me.role == Role::Coordinator {
        Relation::Coordinator
    } else {
        Relation::None
    }
}

/// How `me` relates to school `school_id`, whose current sponsor is
/// `sponsor_company_id` (`schools.company_id`).
pub fn relation_to_school(me: &Me, school_id: i64, sponsor_company_id: Option<i64>) -> Relation {
    match me.role {
        Role::Coordinator => Relation::Coordinator,
        Role::SchoolMember if me.school_id == Some(school_id) => match me.school_function {
            Some(SchoolFunction::StemCoordinator) => Relation::StemCoordinator,
            Some(SchoolFunction::Direction) => Relation::Direction,
            _ => Relation::Member,
        },
        Role::CompanyMember if me.company_id.is_some() && me.company_id == sponsor_company_id => Relation::Sponsor,
        _ => Relation::None,
    }
}

/// How `me` relates to their own school: a school member as to the school
/// in [`relation_to_school`]; the coordinator as to anything; anyone else none.
pub fn relation_to_own_school(me: &Me) -> Relation {
    match (me.role, me.school_id) {
        (Role::SchoolMember, Some(school)) => relation_to_school(me, school, None),
        _ => relation_to_programme(me),
    }
}

/// How `me` relates to their own company: a company member is its
/// [`Relation::Sponsor`] (of the schools it sponsors); the coordinator as to
/// anything; anyone else none.
pub fn relation_to_own_company(me: &Me) -> Relation {
    match (me.role, me.company_id) {
        (Role::CompanyMember, Some(_)) => Relation::Sponsor,
        _ => relation_to_programme(me),
    }
}

/// How `me` relates to the active jury: `is_juror` whether they are one of
/// its jurors, `chair_id` its chair.
pub fn relation_to_jury(me: &Me, is_juror: bool, chair_id: Option<i64>) -> Relation {
    match me.role {
        Role::Coordinator => Relation::Coordinator,
        Role::Juror if is_juror && chair_id == Some(me.id) => Relation::Chair,
        Role::Juror if is_juror => Relation::Juror,
        _ => Relation::None,
    }
}

/// How `me` relates to a finalist of the active jury: as to the jury, and
/// a conflict of interest with the finalist (`conflicted`) outweighs the chair.
pub fn relation_to_finalist(me: &Me, is_juror: bool, chair_id: Option<i64>, conflicted: bool) -> Relation {
    match relation_to_jury(me, is_juror, chair_id) {
        Relation::Juror | Relation::Chair if conflicted => Relation::ConflictedJuror,
        other => other,
    }
}

/// How `me` relates to the active edition: `is_juror` of its jury,
/// `belongs` a member of one of its schools or companies.
pub fn relation_to_edition(me: &Me, is_juror: bool, belongs: bool) -> Relation {
    match me.role {
        Role::Coordinator => Relation::Coordinator,
        Role::Juror if is_juror => Relation::Juror,
        Role::SchoolMember | Role::CompanyMember if belongs => Relation::EditionMember,
        _ => Relation::None,
    }
}

/// How `me` relates to region `region_id`; `my_region_id` is the region a
/// regional coordinator coordinates (`people.region_id`, loaded by the server).
pub fn relation_to_region(me: &Me, my_region_id: Option<i64>, region_id: i64) -> Relation {
    match me.role {
        Role::Coordinator => Relation::Coordinator,
        Role::RegionalCoordinator if my_region_id == Some(region_id) => Relation::RegionalCoordinator,
        _ => Relation::None,
    }
}

/// The answer of an access rule on a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Permission {
    Allowed,
    /// Allowed for this kind of sheet, but not for one's own.
    OwnSheet,
    /// Not this person's to decide.
    Forbidden,
}

/// Whether a person leads a school's nulmeting (its STEM coordinator or direction).
pub fn leads_school(function: Option<SchoolFunction>) -> bool {
    matches!(function, Some(SchoolFunction::StemCoordinator | SchoolFunction::Direction))
}

/// [`Permission`] from a decision on someone's sheet: one's own is refused
/// apart, for everyone but the coordinator (who has no sheet).
fn on_sheet(me: &Me, decision: Decision, owner_id: i64) -> Permission {
    match decision {
        Decision::Allowed if me.role != Role::Coordinator && me.id == owner_id => Permission::OwnSheet,
        Decision::Allowed => Permission::Allowed,
        Decision::Forbidden | Decision::NotFound => Permission::Forbidden,
    }
}

/// May `me` reopen (or decline to reopen) the nulmeting sheet of
/// `owner_id`, a respondent of `school_id`? The programme coordinator may;
/// so may the school's lead (STEM coordinator or direction), except for
/// their own sheet ([`Action::LeadNulmeting`]).
pub fn may_reopen_response(me: &Me, school_id: i64, owner_id: i64) -> Permission {
    let relation = relation_to_school(me, school_id, None);
    on_sheet(me, may(me.role, relation, Action::LeadNulmeting), owner_id)
}

/// May `me` reopen (or decline to reopen) the score sheet of juror
/// `owner_id`? The programme coordinator may; so may the jury's chair
/// (`chair_id`, a juror of the jury), except for their own sheet
/// ([`Action::DecideScoreReopen`]; the server checks the chair's conflicts
/// with the finalist next, with [`relation_to_finalist`]).
pub fn may_reopen_score_sheet(me: &Me, chair_id: Option<i64>, owner_id: i64) -> Permission {
    let relation = relation_to_jury(me, chair_id == Some(me.id), chair_id);
    on_sheet(me, may(me.role, relation, Action::DecideScoreReopen), owner_id)
}

/// Who looks at a school's nulmeting team results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamViewer {
    Coordinator,
    /// A member of the school's sponsor company.
    Company,
    /// A member of the school, with their own sheet's status.
    Member { own: SheetStatus },
}

/// The blind rule of the nulmeting: may this viewer see the other
/// respondents' answers (and the discussion points drawn from them)? The
/// coordinator always; a member once their own sheet is submitted (not
/// while it is a draft or reopened), or once the measurement is closed;
/// the company never (it sees the school's result, not who said what).
pub fn may_see_team_answers(viewer: TeamViewer, measurement_closed: bool) -> bool {
    match viewer {
        TeamViewer::Coordinator => true,
        TeamViewer::Company => false,
        TeamViewer::Member { own } => measurement_closed || own.is_submitted(),
    }
}

/// May this viewer see the team's consensus (in the team view, the report
/// and the plan page)? The same blind rule as the answers for the school's
/// members; the coordinator and the sponsor company see the result.
pub fn may_see_consensus(viewer: TeamViewer, measurement_closed: bool) -> bool {
    match viewer {
        TeamViewer::Company => true,
        other => may_see_team_answers(other, measurement_closed),
    }
}

/// May this person open the school's team view? [`Action::ReadTeam`]; and
/// then the coordinator and the school's leads at every stage
/// ([`Action::LeadNulmeting`]), another member only while the blind rule
/// shows them the team's answers (`answers_visible`, from
/// [`may_see_team_answers`]; false before there is a measurement).
pub fn may_read_team(role: Role, relation: Relation, answers_visible: bool) -> Decision {
    match may(role, relation, Action::ReadTeam) {
        Decision::Allowed if answers_visible || may(role, relation, Action::LeadNulmeting).is_allowed() => Decision::Allowed,
        Decision::Allowed => Decision::Forbidden,
        refused => refused,
    }
}

/// The blind rule of the jury: a juror sees the other jurors' sheets of a
/// finalist only while their own sheet for it is submitted (not while it is
/// a draft or reopened).
pub fn may_see_other_sheets(own: SheetStatus) -> bool {
    own.is_submitted()
}

/// The person a sign-in link would be re-issued for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkTarget {
    pub person_id: i64,
    pub role: Role,
    pub school_id: Option<i64>,
    /// Whether they ever signed in with a link.
    pub ever_signed_in: bool,
}

/// The answer of [`may_reissue_link`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkPermission {
    /// Issue it; the person's sessions end and the issue is logged.
    Allowed,
    /// Not a colleague of the asker's school (404: not theirs to know).
    NotFound,
    /// A colleague who already signed in: only the programme coordinator
    /// may give them a new link (it would let the asker sign in as them).
    SignedIn,
    /// One's own link: it would end one's own session.
    Own,
    Forbidden,
}

/// May `me` re-issue a sign-in link for `target`? The programme coordinator
/// may for anyone but themselves ([`Action::Administer`]); a school's STEM
/// coordinator ([`Action::ManageColleagues`]) only for colleagues of their
/// own school who never signed in; nobody else.
pub fn may_reissue_link(me: &Me, target: &LinkTarget) -> LinkPermission {
    if may(me.role, relation_to_programme(me), Action::Administer).is_allowed() {
        return if target.person_id == me.id { LinkPermission::Own } else { LinkPermission::Allowed };
    }
    let own_school = relation_to_own_school(me);
    if !may(me.role, own_school, Action::ManageColleagues).is_allowed() {
        return LinkPermission::Forbidden;
    }
    let colleague = target.role == Role::SchoolMember && target.school_id.is_some() && target.school_id == me.school_id;
    if !colleague {
        LinkPermission::NotFound
    } else if target.person_id == me.id {
        LinkPermission::Own
    } else if target.ever_signed_in {
        LinkPermission::SignedIn
    } else {
        LinkPermission::Allowed
    }
}

/// The item an evidence file belongs to, with the facts its read rule needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceAccess {
    /// A respondent's answer: `own` whether it is the reader's own sheet,
    /// `answers_visible` the blind rule ([`may_see_team_answers`]) for the reader.
    Answer { own: bool, answers_visible: bool },
    /// The consensus: `visible` is [`may_see_consensus`] for the reader.
    Consensus { visible: bool },
    /// An action of the plan.
    PlanAction,
}

/// May this person download an evidence file of an item of a school they
/// stand in `relation` to? [`Action::ReadEvidence`], then the item's rule:
/// a respondent's file follows the blind rule of their answers (its owner
/// always; the sponsor company never), the consensus's file the
/// consensus, a plan action's file the plan ([`Action::ReadPlan`]).
pub fn may_read_evidence(role: Role, relation: Relation, item: EvidenceAccess) -> Decision {
    let r = if relation.fits(role) { relation } else { Relation::None };
    match may(role, r, Action::ReadEvidence) {
        Decision::Allowed => {}
        refused => return refused,
    }
    let allowed = match item {
        EvidenceAccess::Answer { own, answers_visible } => {
            r == Relation::Coordinator || (r.is_school() && (own || answers_visible))
        }
        EvidenceAccess::Consensus { visible } => visible,
        EvidenceAccess::PlanAction => may(role, r, Action::ReadPlan).is_allowed(),
    };
    Decision::when(allowed, Decision::Forbidden)
}

/// The item a file is attached to (or deleted from), for [`may_change_evidence`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceChange {
    /// A respondent's answer: `own` whether it is the person's own sheet
    /// (the server checks next that the sheet is editable).
    Answer { own: bool },
    /// The consensus (the server checks next that the lead has submitted).
    Consensus,
    /// An action of the plan.
    PlanAction,
}

/// May this person attach a file to the item, or delete or restore one of
/// its files? [`Action::AttachEvidence`], then: one's own answer only
/// ([`Action::AnswerNulmeting`]), the consensus as it is recorded
/// ([`Action::LeadNulmeting`]), a plan action as the plan is written
/// ([`Action::EditPlan`]).
pub fn may_change_evidence(role: Role, relation: Relation, item: EvidenceChange) -> Decision {
    let r = if relation.fits(role) { relation } else { Relation::None };
    match may(role, r, Action::AttachEvidence) {
        Decision::Allowed => {}
        refused => return refused,
    }
    let allowed = match item {
        EvidenceChange::Answer { own } => own && may(role, r, Action::AnswerNulmeting).is_allowed(),
        EvidenceChange::Consensus => may(role, r, Action::LeadNulmeting).is_allowed(),
        EvidenceChange::PlanAction => may(role, r, Action::EditPlan).is_allowed(),
    };
    Decision::when(allowed, Decision::Forbidden)
}

#[cfg(test)]
mod tests;
