//! The people directory: people with the state of their latest sign-in
//! link, listed for an edition (coordinators and jurors, and the members
//! of the edition's schools and companies) or for one school; removing and
//! restoring a person's access.

use super::now;
use rubric::people::{Role, SchoolFunction};
use rubric::programme::{LinkStatus, Person};
use sqlx::{SqliteConnection, SqliteExecutor, SqlitePool};

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: i64,
    name: String,
    email: String,
    role: String,
    school_id: Option<i64>,
    school_name: Option<String>,
    company_id: Option<i64>,
    company_name: Option<String>,
    school_function: Option<String>,
    archived_at: Option<i64>,
    link_created: Option<i64>,
    link_used: Option<i64>,
    link_revoked: Option<i64>,
    ever_signed_in: bool,
}

impl PersonRow {
    fn into_person(self) -> Option<Person> {
        let (link, link_at) = LinkStatus::from_columns(self.link_created, self.link_used, self.link_revoked);
        Some(Person {
            id: self.id,
            name: self.name,
            email: self.email,
            role: Role::from_key(&self.role)?,
            school_id: self.school_id,
            school_name: self.school_name,
            company_id: self.company_id,
            company_name: self.company_name,
            school_function: self.school_function.as_deref().and_then(SchoolFunction::from_key),
            archived: self.archived_at.is_some(),
            link,
            link_at,
            ever_signed_in: self.ever_signed_in,
        })
    }
}

const SELECT: &str = "select p.id, p.name, p.email, p.role, p.school_id, s.name as school_name, p.company_id, \
     c.name as company_name, p.school_function, p.archived_at, \
     i.created_at as link_created, i.used_at as link_used, i.revoked_at as link_revoked, \
     exists (select 1 from invitations u where u.person_id = p.id and u.used_at is not null) as ever_signed_in \
     from people p left join schools s on s.id = p.school_id left join companies c on c.id = p.company_id \
     left join invitations i on i.id = (select max(id) from invitations where person_id = p.id)";

/// Coordinators and jurors, and the members of the edition's schools and
/// companies, by role and name.
pub async fn for_edition(db: &SqlitePool, edition_id: i64) -> sqlx::Result<Vec<Person>> {
    let rows: Vec<PersonRow> = sqlx::query_as(&format!(
        "{SELECT} where p.role in ('coordinator', 'juror') or s.edition_id = ? or c.edition_id = ? \
         order by p.archived_at is not null, \
         case p.role when 'coordinator' then 0 when 'school-member' then 1 when 'company-member' then 2 else 3 end, \
         s.name collate nocase, c.name collate nocase, p.name collate nocase, p.id"
    ))
    .bind(edition_id)
    .bind(edition_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().filter_map(PersonRow::into_person).collect())
}

/// The team members of one school.
pub async fn for_school(db: &SqlitePool, school_id: i64) -> sqlx::Result<Vec<Person>> {
    let rows: Vec<PersonRow> = sqlx::query_as(&format!(
        "{SELECT} where p.school_id = ? and p.role = 'school-member' \
         order by p.archived_at is not null, p.name collate nocase, p.id"
    ))
    .bind(school_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().filter_map(PersonRow::into_person).collect())
}

pub async fn get<'e, E: SqliteExecutor<'e>>(db: E, id: i64) -> sqlx::Result<Option<Person>> {
    let row: Option<PersonRow> =
        sqlx::query_as(&format!("{SELECT} where p.id = ?")).bind(id).fetch_optional(db).await?;
    Ok(row.and_then(PersonRow::into_person))
}

/// Remove a person's access (links revoked, sessions ended) or give it
/// back; `false` when nothing changed.
pub async fn set_archived(tx: &mut SqliteConnection, id: i64, archived: bool) -> sqlx::Result<bool> {
    let done = if archived {
        sqlx::query("update people set archived_at = ? where id = ? and archived_at is null")
            .bind(now())
            .bind(id)
            .execute(&mut *tx)
            .await?
    } else {
        sqlx::query("update people set archived_at = null where id = ? and archived_at is not null")
            .bind(id)
            .execute(&mut *tx)
            .await?
    };
    if archived {
        sqlx::query("update invitations set revoked_at = ? where person_id = ? and used_at is null and revoked_at is null")
            .bind(now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("delete from sessions where person_id = ?").bind(id).execute(&mut *tx).await?;
    }
    Ok(done.rows_affected() == 1)
}
