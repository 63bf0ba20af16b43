//! Learning networks: the three networks of every edition (team STEM
//! project, professionalisation, local STEM ecosystem), their sessions
//! (date, place, topic) and who attended each session.

use super::{optional_date, text, Errors, Field, FieldError, ProgrammeError, MAX_SHORT_CHARS, MAX_TOPIC_CHARS};
use crate::date::Date;
use serde::{Deserialize, Serialize};

/// The three learning networks of an edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NetworkKind {
    /// Developing a STEM project as a team.
    TeamStemProject,
    /// Professional development of (STEM) teachers.
    Professionalisation,
    /// A local STEM ecosystem of schools and companies.
    #[serde(rename = "local-ecosystem")]
    LocalEcosystem,
}

impl NetworkKind {
    /// The three networks, in the order they usually meet.
    pub const ALL: [NetworkKind; 3] =
        [NetworkKind::TeamStemProject, NetworkKind::Professionalisation, NetworkKind::LocalEcosystem];

    /// The identifier used in JSON and the database.
    pub fn key(self) -> &'static str {
        match self {
            NetworkKind::TeamStemProject => "team-stem-project",
            NetworkKind::Professionalisation => "professionalisation",
            NetworkKind::LocalEcosystem => "local-ecosystem",
        }
    }

    pub fn from_key(key: &str) -> Option<NetworkKind> {
        NetworkKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The network's default name when an edition is created (Dutch, as
    /// the programme names it; the interface translates the kind).
    pub fn default_name(self) -> &'static str {
        match self {
            NetworkKind::TeamStemProject => "In team een STEM-project ontwikkelen",
            NetworkKind::Professionalisation => "Professionalisering van STEM-leerkrachten",
            NetworkKind::LocalEcosystem => "Een lokaal STEM-ecosysteem uitbouwen",
        }
    }
}

/// A session as the create and update endpoints receive it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionInput {
    pub date: String,
    pub place: String,
    pub topic: String,
}

/// A validated session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionFields {
    pub date: Date,
    pub place: String,
    pub topic: String,
}

/// Validate a session: a date that exists, a place and topic of sane length.
pub fn validate_session(input: &SessionInput) -> Result<SessionFields, Vec<FieldError>> {
    let mut e = Errors::default();
    let date = match optional_date(&input.date, Field::Date) {
        Ok(Some(d)) => Some(d),
        Ok(None) => {
            e.push(Field::Date, ProgrammeError::Required { field: Field::Date });
            None
        }
        Err(err) => {
            e.push(Field::Date, err);
            None
        }
    };
    let place = e.take(Field::Place, text(&input.place, Field::Place, MAX_SHORT_CHARS, false));
    let topic = e.take(Field::Topic, text(&input.topic, Field::Topic, MAX_TOPIC_CHARS, false));
    e.finish(|| Some(SessionFields { date: date?, place: place?, topic: topic? }))
}

/// A session with its attendance, as the API returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkSession {
    pub id: i64,
    pub network_id: i64,
    pub date: Date,
    pub place: String,
    pub topic: String,
    pub version: i64,
    /// Schools present, by id.
    pub school_ids: Vec<i64>,
    /// Companies present, by id.
    pub company_ids: Vec<i64>,
}

/// A network with its sessions in date order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    pub id: i64,
    pub kind: NetworkKind,
    pub name: String,
    pub sessions: Vec<NetworkSession>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_match_the_database_keys() {
        for k in NetworkKind::ALL {
            assert_eq!(NetworkKind::from_key(k.key()), Some(k));
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.key()));
        }
    }

    #[test]
    fn a_session_needs_a_real_date() {
        let errors = validate_session(&SessionInput::default()).unwrap_err();
        assert_eq!(errors[0].error, ProgrammeError::Required { field: Field::Date });
        let errors = validate_session(&SessionInput { date: "2027-02-30".into(), ..Default::default() }).unwrap_err();
        assert!(matches!(errors[0].error, ProgrammeError::NoSuchDay { .. }));
        let ok = validate_session(&SessionInput {
            date: "2027-01-28".into(),
            place: " Genk ".into(),
            topic: "Samen een STEM-project ontwerpen".into(),
        })
        .unwrap();
        assert_eq!(ok.place, "Genk");
    }
}
