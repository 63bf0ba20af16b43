//! Texts of the app shell: header, navigation, sign-in, errors, the rubric
//! browser and other pages shared by every role.

use super::Text;
use rubric::errors::{ErrorCode, FieldCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum C {
    AppName,
    Tagline,
    SkipToContent,
    NavHome,
    NavRubric,
    MainNavigation,
    NavDashboard,
    NavEdition,
    NavSchools,
    NavCompanies,
    NavMatching,
    NavNetworks,
    NavPeople,
    NavJury,
    NavNulmeting,
    NavTeam,
    NavReport,
    NavPlan,
    NavMySchools,
    NavJuryScoring,
    NavRegions,
    NavColleagues,
    NavMeasurements,
    SignOut,
    SignOutLosesDrafts,
    Menu,
    SignedInAs,
    NotSignedIn,
    LanguageLabel,
    Loading,
    Retry,
    ServerUnreachable,
    NotFoundTitle,
    NotFoundBody,
    BackHome,
    // Sign-in
    SigningIn,
    SignInTitle,
    SignInNoToken,
    SignInFailedTitle,
    SignedInWelcome,
    ContinueToStart,
    // Roles
    RoleCoordinator,
    RoleSchoolMember,
    RoleCompanyMember,
    RoleJuror,
    RoleRegionalCoordinator,
    // Landing
    LandingLead,
    LandingSchools,
    LandingSchoolsBody,
    LandingCompanies,
    LandingCompaniesBody,
    LandingJury,
    LandingJuryBody,
    LandingCoordinator,
    LandingCoordinatorBody,
    LandingHowToSignIn,
    ReadTheRubric,
    // Rubric browser
    RubricAspects,
    RubricEvidence,
    RubricQuestion,
    RubricPrint,
    RubricVersion,
    RubricLevels,
    // Errors the server reports by code
    ErrInvalidLink,
    ErrLinkUsed,
    ErrLinkRevoked,
    ErrForbidden,
    ErrUnauthorized,
    ErrNotFound,
    ErrInternal,
    ErrValidation,
    ErrNotInEdition,
    ErrConflict,
    ErrBusy,
    ErrTimedOut,
    ErrTooManyAttempts,
}

impl Text for C {
    #[inline(always)]
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            C::AppName => ("STEMpact", "STEMpact"),
            C::Tagline => ("Samen naar sterker STEM-onderwijs", "Together towards stronger STEM education"),
            C::SkipToContent => ("Naar de inhoud", "Skip to content"),
            C::NavHome => ("Start", "Home"),
            C::NavRubric => ("Rubric", "Rubric"),
            C::MainNavigation => ("Hoofdmenu", "Main menu"),
            C::NavDashboard => ("Overzicht", "Dashboard"),
            C::NavEdition => ("Editie", "Edition"),
            C::NavSchools => ("Scholen", "Schools"),
            C::NavCompanies => ("Bedrijven", "Companies"),
            C::NavMatching => ("Matching", "Matching"),
            C::NavNetworks => ("Lerende netwerken", "Learning networks"),
            C::NavPeople => ("Personen", "People"),
            C::NavJury => ("Jury", "Jury"),
            C::NavNulmeting => ("Nulmeting", "Baseline"),
            C::NavTeam => ("Team", "Team"),
            C::NavReport => ("Rapport", "Report"),
            C::NavPlan => ("Actieplan", "Action plan"),
            C::NavMySchools => ("Mijn scholen", "My schools"),
            C::NavJuryScoring => ("Beoordelen", "Scoring"),
            C::NavRegions => ("Regio's", "Regions"),
            C::NavColleagues => ("Collega's", "Colleagues"),
            C::NavMeasurements => ("Metingen", "Measurements"),
            C::SignOut => ("Afmelden", "Sign out"),
            C::SignOutLosesDrafts => (
                "Op dit toestel staan nog wijzigingen die niet op de server bewaard zijn. Bij het afmelden worden ze gewist. Toch afmelden?",
                "This device holds changes that are not saved on the server yet. Signing out erases them. Sign out anyway?",
            ),
            C::Menu => ("Menu", "Menu"),
            C::SignedInAs => ("Aangemeld als", "Signed in as"),
            C::NotSignedIn => ("Niet aangemeld", "Not signed in"),
            C::LanguageLabel => ("Taal", "Language"),
            C::Loading => ("Laden…", "Loading…"),
            C::Retry => ("Opnieuw proberen", "Try again"),
            C::ServerUnreachable => (
                "De server is niet bereikbaar. Controleer je verbinding en probeer opnieuw.",
                "The server cannot be reached. Check your connection and try again.",
            ),
            C::NotFoundTitle => ("Pagina niet gevonden", "Page not found"),
            C::NotFoundBody => (
                "Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar de start.",
                "This page does not exist (any more). Check the address or go back to the start.",
            ),
            C::BackHome => ("Terug naar start", "Back to the start"),
            C::SigningIn => ("Bezig met aanmelden…", "Signing you in…"),
            C::SignInTitle => ("Aanmelden", "Sign in"),
            C::SignInNoToken => (
                "Je meldt je aan met de persoonlijke link die je van de coördinator kreeg. Open die link opnieuw, volledig.",
                "You sign in with the personal link your coordinator sent you. Open that link again, in full.",
            ),
            C::SignInFailedTitle => ("Aanmelden lukt niet", "Could not sign you in"),
            C::SignedInWelcome => ("Welkom", "Welcome"),
            C::ContinueToStart => ("Verder naar je startpagina", "Continue to your start page"),
            C::RoleCoordinator => ("Programmacoördinator", "Programme coordinator"),
            C::RoleSchoolMember => ("Schoolteam", "School team"),
            C::RoleCompanyMember => ("Peterbedrijf", "Sponsor company"),
            C::RoleJuror => ("Jurylid", "Juror"),
            C::RoleRegionalCoordinator => ("Regiocoördinator", "Regional coordinator"),
            C::LandingLead => (
                "STEMpact begeleidt scholen en hun peterbedrijven door een volledig STEM-traject: een nulmeting van het STEM-onderwijs, een actieplan vanuit de grootste groeikansen, feedback van het peterbedrijf en de STEMpact award.",
                "STEMpact guides schools and their sponsor companies through a complete STEM programme: a baseline measurement of STEM education, an action plan built on the biggest opportunities for growth, feedback from the sponsor company, and the STEMpact award.",
            ),
            C::LandingSchools => ("Voor scholen", "For schools"),
            C::LandingSchoolsBody => (
                "Het schoolteam vult samen de rubric in, bespreekt waar het van mening verschilt en krijgt een STEM-profiel per aspect. Daaruit volgt het actieplan.",
                "The school team fills in the rubric together, discusses where it disagrees and gets a STEM profile per aspect. The action plan follows from it.",
            ),
            C::LandingCompanies => ("Voor peterbedrijven", "For sponsor companies"),
            C::LandingCompaniesBody => (
                "Het peterbedrijf leest het actieplan van zijn school mee en geeft feedback bij doelen en acties.",
                "The sponsor company reads its school's action plan and comments on goals and actions.",
            ),
            C::LandingJury => ("Voor de jury", "For the jury"),
            C::LandingJuryBody => (
                "Juryleden beoordelen de actieplannen van de finalisten op gewogen criteria, onafhankelijk van elkaar.",
                "Jurors score the finalists' action plans on weighted criteria, independently of each other.",
            ),
            C::LandingCoordinator => ("Voor de coördinator", "For the coordinator"),
            C::LandingCoordinatorBody => (
                "De coördinator zet de editie op: scholen, bedrijven, matching, lerende netwerken, jury en resultaten.",
                "The coordinator sets up the edition: schools, companies, matching, learning networks, jury and results.",
            ),
            C::LandingHowToSignIn => (
                "Je meldt je aan met de persoonlijke link die je van de coördinator kreeg.",
                "You sign in with the personal link your coordinator sent you.",
            ),
            C::ReadTheRubric => ("Bekijk de rubric", "Read the rubric"),
            C::RubricAspects => ("Aspecten", "Aspects"),
            C::RubricEvidence => ("Waaraan zie je het?", "What shows it?"),
            C::RubricQuestion => ("Vraag", "Question"),
            C::RubricPrint => ("Afdrukken", "Print"),
            C::RubricVersion => ("versie", "version"),
            C::RubricLevels => ("Niveaus", "Levels"),
            C::ErrInvalidLink => (
                "Deze aanmeldlink is niet geldig. Controleer of je de volledige link hebt gekopieerd.",
                "This sign-in link is not valid. Check that you copied all of it.",
            ),
            C::ErrLinkUsed => (
                "Deze aanmeldlink werd al gebruikt. Vraag je coördinator om een nieuwe link.",
                "This sign-in link has already been used. Ask your coordinator for a new one.",
            ),
            C::ErrLinkRevoked => (
                "Deze aanmeldlink werd ingetrokken. Vraag je coördinator om een nieuwe link.",
                "This sign-in link was withdrawn. Ask your coordinator for a new one.",
            ),
            C::ErrForbidden => ("Je hebt geen toegang tot deze gegevens.", "You do not have access to this."),
            C::ErrUnauthorized => (
                "Je bent niet (meer) aangemeld. Gebruik je persoonlijke aanmeldlink.",
                "You are not signed in (any more). Use your personal sign-in link.",
            ),
            C::ErrNotFound => ("Dit bestaat niet (meer).", "This does not exist (any more)."),
            C::ErrInternal => (
                "Er liep iets mis op de server. Probeer het opnieuw.",
                "Something went wrong on the server. Please try again.",
            ),
            C::ErrValidation => ("Enkele velden zijn niet in orde.", "Some fields are not valid."),
            C::ErrNotInEdition => (
                "Wat je koos hoort niet (meer) bij deze editie, of is gearchiveerd. Laad de pagina opnieuw en kies opnieuw.",
                "What you chose is not (or no longer) in this edition, or it is archived. Reload the page and choose again.",
            ),
            C::ErrBusy => (
                "Het is even erg druk. Niets is verloren; probeer het over enkele seconden opnieuw.",
                "The server is very busy for a moment. Nothing is lost; try again in a few seconds.",
            ),
            C::ErrTimedOut => (
                "Dit duurde te lang en is niet uitgevoerd. Probeer het opnieuw.",
                "This took too long and was not done. Please try again.",
            ),
            C::ErrTooManyAttempts => (
                "Te veel mislukte aanmeldpogingen van dit adres. Wacht even en probeer het dan opnieuw.",
                "Too many failed sign-in attempts from this address. Wait a moment, then try again.",
            ),
            C::ErrConflict => (
                "Iemand anders heeft dit intussen gewijzigd.",
                "Someone else changed this in the meantime.",
            ),
        }
    }
}

/// The name of a role.
pub fn role_name(role: rubric::people::Role) -> C {
    use rubric::people::Role;
    match role {
        Role::Coordinator => C::RoleCoordinator,
        Role::SchoolMember => C::RoleSchoolMember,
        Role::CompanyMember => C::RoleCompanyMember,
        Role::Juror => C::RoleJuror,
        Role::RegionalCoordinator => C::RoleRegionalCoordinator,
    }
}

/// The shared text for a field problem's code, if it is one every app
/// words alike (the others belong to their page's area: a plan's, a
/// region's, the jury's).
pub fn field_code_text(code: FieldCode) -> Option<C> {
    match code {
        FieldCode::NotInEdition => Some(C::ErrNotInEdition),
        _ => None,
    }
}

/// The translated text for an error code the server sends, if it is a
/// generic one; specific messages come from the server as they are.
pub fn error_text(code: ErrorCode) -> Option<C> {
    Some(match code {
        ErrorCode::InvalidLink => C::ErrInvalidLink,
        ErrorCode::LinkUsed => C::ErrLinkUsed,
        ErrorCode::LinkRevoked => C::ErrLinkRevoked,
        ErrorCode::Forbidden => C::ErrForbidden,
        ErrorCode::Unauthorized => C::ErrUnauthorized,
        ErrorCode::NotFound => C::ErrNotFound,
        ErrorCode::Internal => C::ErrInternal,
        ErrorCode::Validation => C::ErrValidation,
        ErrorCode::Stale => C::ErrConflict,
        ErrorCode::Busy => C::ErrBusy,
        ErrorCode::TimedOut => C::ErrTimedOut,
        ErrorCode::TooManyAttempts => C::ErrTooManyAttempts,
        _ => return None,
    })
}
