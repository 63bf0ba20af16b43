//! The `stempact` command: `serve` runs the app, `invite` prints a sign-in
//! link, `export`/`import` back up and restore an edition, `demo` loads the
//! demo edition, `jury-stats` recomputes the jury results from a score
//! export. Parses arguments and reports startup errors in plain words.

use clap::{Parser, Subcommand};
use rubric::people::{validate_name, Role};
use server::state::Config;
use server::{db, StartError};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "stempact", version, about = "STEMpact: nulmeting, action plans and jury for a STEM school programme")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the app and its API.
    Serve {
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Folder for the database (created on first start).
        #[arg(long, default_value = "./data")]
        data_dir: PathBuf,
        /// Folder with the built frontend.
        #[arg(long, default_value = "./dist")]
        dist_dir: PathBuf,
        /// Address people use to reach the app (for sign-in links).
        #[arg(long)]
        public_url: Option<String>,
        /// Listen on all interfaces instead of localhost only.
        #[arg(long)]
        public: bool,
    },
    /// Create a person and print their one-time sign-in link.
    Invite {
        #[arg(long, value_parser = parse_role)]
        role: Role,
        #[arg(long)]
        name: String,
        /// The school, for a school member.
        #[arg(long)]
        school: Option<i64>,
        /// The company, for a company member.
        #[arg(long)]
        company: Option<i64>,
        #[arg(long, default_value = "./data")]
        data_dir: PathBuf,
    },
    /// Write an edition as a versioned JSON document to standard output.
    Export {
        /// The edition's id (see the Edition page, or the first edition is 1).
        #[arg(long)]
        edition: i64,
        #[arg(long, default_value = "./data")]
        data_dir: PathBuf,
    },
    /// Import an exported edition as a new edition: all of it or nothing.
    Import {
        /// The exported file (`-` reads standard input).
        file: PathBuf,
        #[arg(long, default_value = "./data")]
        data_dir: PathBuf,
    },
    /// Load the demo edition: 20 invented schools with their companies,
    /// networks, nulmeting, plans and jury.
    Demo {
        #[arg(long, default_value = "./data")]
        data_dir: PathBuf,
    },
    /// Fill in a complete nulmeting (invented answers and consensus) for
    /// every school of an edition that has none yet, for a demo.
    DemoNulmeting {
        /// The edition.
        #[arg(long)]
        edition: i64,
        #[arg(long, default_value = "./data")]
        data_dir: PathBuf,
    },
    /// Jury results of a score file, printed as JSON per award category
    /// exactly as the app shows them (ranking with scores to two decimals,
    /// winner and its robustness, ICC(2,1), ICC(2,k), Kendall's W with their
    /// reading, flagged jurors, tie-breaks, warnings). The file is the app's
    /// own score export (plain or Flemish spreadsheet variant, with its
    /// categories, weights and tie-break rules) or rows
    /// juror,finalist,criterion,score under a header line.
    JuryStats {
        /// The CSV file.
        file: PathBuf,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::from_key(s).ok_or_else(|| {
        let all: Vec<&str> = Role::ALL.iter().map(|r| r.key()).collect();
        format!("unknown role '{s}'; choose one of {}", all.join(", "))
    })
}

#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error(transparent)]
    Start(#[from] StartError),
    #[error(transparent)]
    Open(#[from] db::OpenError),
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("{0}")]
    Input(String),
    #[error("server stopped with an error: {0}")]
    Io(#[from] std::io::Error),
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,server=info")),
        )
        .init();
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stempact: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Serve { port, data_dir, dist_dir, public_url, public } => {
            if !dist_dir.join("public.html").is_file() {
                return Err(StartError::NoFrontend(dist_dir.join("public.html")).into());
            }
            let host = if public { Ipv4Addr::UNSPECIFIED } else { Ipv4Addr::LOCALHOST };
            let listener = server::bind(SocketAddr::from((host, port))).await?;
            let public_url = public_url.unwrap_or_else(|| format!("http://localhost:{port}"));
            let config = Config { dist_dir, public_url: public_url.clone(), secure_cookies: public_url.starts_with("https://") };
            let state = server::prepare(&data_dir, config).await?;
            println!("STEMpact runs at {public_url}  (data in {})", data_dir.display());
            if let Some(link) = server::bootstrap(&state.writer, &public_url).await.map_err(StartError::from)? {
                println!("First start: sign in as coordinator with this one-time link:\n  {link}");
            }
            println!("Press Ctrl-C to stop.");
            server::serve(listener, state).await?;
            Ok(())
        }
        Command::Invite { role, name, school, company, data_dir } => {
            let name = validate_name(&name).map_err(|e| CliError::Input(format!("--name: {e}")))?;
            let database = db::open(&data_dir).await?;
            let person = server::invite::NewInvite { name, email: String::new(), role, school_id: school, company_id: company, school_function: None };
            let (_, token) = server::invite::create(&database.writer, &person, None).await.map_err(|e| CliError::Input(e.to_string()))?;
            let public_url = db::setting(&database.read, "public_url").await?.unwrap_or_else(|| "http://localhost:8080".into());
            println!("{}", server::sign_in_link(&public_url, &token));
            Ok(())
        }
        Command::Export { edition, data_dir } => {
            let database = db::open(&data_dir).await?;
            let doc = db::exchange::export(&database.read, edition, db::now()).await.map_err(|e| CliError::Input(e.to_string()))?;
            println!("{}", doc.to_json());
            Ok(())
        }
        Command::Import { file, data_dir } => {
            let text = if file.as_os_str() == "-" {
                let mut s = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)?;
                s
            } else {
                std::fs::read_to_string(&file)
                    .map_err(|e| CliError::Input(format!("cannot read {}: {e}", file.display())))?
            };
            let doc = rubric::exchange::parse_document(&text)
                .map_err(|e| CliError::Input(format!("{} is refused, nothing was imported: {e}", file.display())))?;
            let database = db::open(&data_dir).await?;
            let link = first_coordinator(&database).await?;
            let summary = db::exchange::import(&database.writer, &doc, None).await.map_err(|e| CliError::Input(e.to_string()))?;
            report_import(&summary, link);
            Ok(())
        }
        Command::Demo { data_dir } => {
            let database = db::open(&data_dir).await?;
            let today = rubric::Date::from_unix_seconds(db::now())
                .ok_or_else(|| CliError::Input("the system clock is out of range".into()))?;
            let doc = server::demo::document(today, db::now());
            let link = first_coordinator(&database).await?;
            let summary = db::exchange::import(&database.writer, &doc, None).await.map_err(|e| CliError::Input(e.to_string()))?;
            report_import(&summary, link);
            Ok(())
        }
        Command::DemoNulmeting { edition, data_dir } => {
            let database = db::open(&data_dir).await?;
            let exists: Option<i64> = sqlx::query_scalar("select id from editions where id = ?").bind(edition).fetch_optional(&database.read).await?;
            exists.ok_or_else(|| CliError::Input(format!("--edition: there is no edition with id {edition}")))?;
            let s = db::nulmeting_demo::seed(&database.writer, edition).await?;
            println!(
                "Nulmeting filled in for {} schools: {} respondents, {} answers, {} consensus levels.",
                s.schools, s.respondents, s.answers, s.consensus
            );
            Ok(())
        }
        Command::JuryStats { file } => jury_stats(&file),
    }
}

/// `stempact jury-stats FILE.csv`: the JSON on stdout, every bad row on stderr.
fn jury_stats(file: &std::path::Path) -> Result<(), CliError> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| CliError::Input(format!("cannot read {}: {e}", file.display())))?;
    match rubric::jury::jury_stats_from_csv(&text) {
        Ok(json) => {
            let pretty = serde_json::to_string_pretty(&json).map_err(|e| CliError::Input(e.to_string()))?;
            println!("{pretty}");
            Ok(())
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{}: {e}", file.display());
            }
            Err(CliError::Input(format!("{} problem(s) in {}; nothing computed", errors.len(), file.display())))
        }
    }
}

/// On an installation without a coordinator, create the first one (as
/// `serve` would) and return their sign-in link. Done before an import, so
/// coordinators in the imported file (who have no link) never lock it.
async fn first_coordinator(database: &db::Database) -> Result<Option<String>, CliError> {
    let public_url = db::setting(&database.read, "public_url").await?.unwrap_or_else(|| "http://localhost:8080".into());
    Ok(server::bootstrap(&database.writer, &public_url).await?)
}

/// Say what an import created, and the first coordinator's link if one was made.
fn report_import(s: &db::exchange::ImportSummary, link: Option<String>) {
    println!(
        "Imported edition {} \"{}\": {} schools, {} companies, {} people{}.",
        s.edition_id,
        s.name,
        s.schools,
        s.companies,
        s.people,
        if s.active { ", active" } else { " (not active: another edition is)" }
    );
    if let Some(link) = link {
        println!("Sign in as coordinator with this one-time link:\n  {link}");
    }
}
