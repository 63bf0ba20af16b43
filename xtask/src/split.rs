//! Splitting an app's wasm in two: the code its first page runs, loaded
//! before that page shows, and the rest (the editing forms, the writes and
//! their errors), loaded after the first paint or, at the latest, when it is
//! first called.
//!
//! Which functions the first page runs comes from a profile (`frontend/split/
//! APP.txt`, one function name per line, written by `cargo xtask
//! split-profile`). The names are the wasm name section's, without what
//! changes between builds ([`stable_name`]), so the list survives a
//! rebuild. A function the list does not keep ([`scope`]; the runtime and
//! unnamed functions always stay) is deferred; a list that has fallen behind
//! the code only moves bytes (the page then loads the rest early), it never
//! breaks a call.
//!
//! The split, on the wasm as wasm-bindgen and wasm-opt (`-g`) left it:
//! - **primary**: every deferred function that kept code still calls (or the
//!   table or an export holds) becomes a stub: if the rest is not loaded,
//!   call the import `__split.load` (the JavaScript loads and instantiates the
//!   rest synchronously), then call the real function through a new slot of
//!   the function table. Deferred functions nothing kept refers to are gone.
//! - **secondary**: the deferred functions' bodies, importing from the
//!   primary (`primary` namespace) the memory, tables, globals and the kept
//!   functions they call, and the same wasm-bindgen imports; its element
//!   segment fills the new table slots with the real functions.
//!
//! Both are written without names; the build runs `wasm-opt -Oz` on them.

use crate::{Result, TaskError};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use walrus::ir::{dfs_in_order, dfs_pre_order_mut, Instr, InstrLocId, UnaryOp, Value, Visitor, VisitorMut};
use walrus::{
    ConstExpr, ElementItems, ElementKind, ExportItem, FunctionBuilder, FunctionId, FunctionKind, GlobalId, GlobalKind,
    ImportKind, Module, ModuleConfig, RefType, TableId, ValType,
};

/// The namespace of the secondary module's imports from the primary.
pub const PRIMARY: &str = "primary";
/// The import the stubs call to load the rest.
pub const LOADER: (&str, &str) = ("__split", "load");
/// The primary's export that says whether the rest is loaded (the loader sets it).
pub const LOADED: &str = "__split_loaded";
/// The import instrumented code calls with a function's number.
pub const MARK: (&str, &str) = ("__split", "mark");

fn fail(what: &str, e: impl std::fmt::Display) -> TaskError {
    TaskError(format!("splitting the wasm: {what}: {e}"))
}

/// A name-section function name without what changes from one build to
/// the next while the code stays the same: symbol hashes (`::h0123…`),
/// crate disambiguators (`[0123…]`), the file hash wasm-bindgen names its
/// start function after (`-0123…`), LLVM's `.123` suffixes and
/// wasm-bindgen's shim numbers. Names that become equal are kept or
/// deferred together.
pub fn stable_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(c) = rest.chars().next() {
        let hex16 = |s: &str| s.len() >= 16 && s.as_bytes()[..16].iter().all(u8::is_ascii_hexdigit);
        if rest.starts_with("::h") && hex16(&rest[3..]) {
            rest = &rest[19..];
        } else if c == '[' && hex16(&rest[1..]) && rest[17..].starts_with(']') {
            rest = &rest[18..];
        } else if c == '-' && hex16(&rest[1..]) {
            rest = &rest[17..];
        } else if let Some(after) = rest.strip_prefix("shim_idx: ") {
            out.push_str("shim_idx: _");
            rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    // LLVM's numbered copies (`name.147`).
    while let Some((head, tail)) = out.rsplit_once('.') {
        if tail.is_empty() || !tail.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        out.truncate(head.len());
    }
    out
}

fn config() -> ModuleConfig {
    let mut config = ModuleConfig::new();
    config.generate_name_section(false).generate_producers_section(false);
    config
}

fn parse(wasm: &[u8], names: bool) -> Result<Module> {
    let mut config = config();
    config.generate_name_section(names);
    config.parse(wasm).map_err(|e| fail("cannot read the wasm", e))
}

/// A copy of `wasm` whose every function first calls the import
/// [`MARK`] with its number, and the stable names by number.
pub fn instrument(wasm: &[u8]) -> Result<(Vec<u8>, Vec<String>)> {
    let mut module = parse(wasm, true)?;
    let ty = module.types.add(&[ValType::I32], &[]);
    let (mark, _) = module.add_import_func(MARK.0, MARK.1, ty);
    let mut names = Vec::new();
    let locals: Vec<FunctionId> =
        module.funcs.iter().filter(|f| matches!(f.kind, FunctionKind::Local(_))).map(|f| f.id()).collect();
    for id in locals {
        let function = module.funcs.get_mut(id);
        let number = names.len() as i32;
        names.push(stable_name(function.name.as_deref().unwrap_or("")));
        if let FunctionKind::Local(local) = &mut function.kind {
            let mut body = local.builder_mut().func_body();
            body.instr_at(0, walrus::ir::Const { value: Value::I32(number) });
            body.instr_at(1, walrus::ir::Call { func: mark });
        }
    }
    Ok((module.emit_wasm(), names))
}

/// What one function's code refers to.
#[derive(Default)]
struct Refs {
    funcs: Vec<FunctionId>,
    globals: Vec<GlobalId>,
    tables: Vec<TableId>,
    /// An instruction the split cannot move (data or element segments by
    /// number, a function reference).
    unmovable: Option<&'static str>,
}

impl<'a> Visitor<'a> for Refs {
    fn visit_instr(&mut self, instr: &'a Instr, _: &'a InstrLocId) {
        let unmovable = match instr {
            Instr::MemoryInit(_) | Instr::DataDrop(_) => Some("memory.init or data.drop"),
            Instr::TableInit(_) | Instr::ElemDrop(_) => Some("table.init or elem.drop"),
            Instr::RefFunc(_) => Some("ref.func"),
            _ => None,
        };
        self.unmovable = self.unmovable.or(unmovable);
    }
    fn visit_function_id(&mut self, f: &FunctionId) {
        self.funcs.push(*f);
    }
    fn visit_global_id(&mut self, g: &GlobalId) {
        self.globals.push(*g);
    }
    fn visit_table_id(&mut self, t: &TableId) {
        self.tables.push(*t);
    }
}

fn refs(module: &Module, f: FunctionId) -> Refs {
    let mut refs = Refs::default();
    if let FunctionKind::Local(local) = &module.funcs.get(f).kind {
        dfs_in_order(&mut refs, local, local.entry_block());
    }
    refs
}

/// The one table of functions (wasm-bindgen's closures and Rust's vtables).
fn function_table(module: &Module) -> Result<TableId> {
    let mut tables = module.tables.iter().filter(|t| t.element_ty == RefType::FUNCREF);
    match (tables.next(), tables.next()) {
        (Some(t), None) => Ok(t.id()),
        _ => Err(fail("the module", "it must have exactly one table of functions")),
    }
}

/// The two halves of a split, and what moved.
pub struct Split {
    pub primary: Vec<u8>,
    pub secondary: Vec<u8>,
    /// Functions moved to the secondary module.
    pub deferred: usize,
    /// Stubs left in the primary.
    pub stubs: usize,
}

/// The function a closure belongs to (its name without `::{{closure}}`): a
/// profile keeps a function together with all of its closures. Which
/// closure of a function runs first depends on the data (a plan check that
/// passes or fails), so one page's profile would miss the others.
pub fn owner(name: &str) -> String {
    name.replace("::{{closure}}", "")
}

/// What a profile keeps together: for the project's own code (`frontend::`,
/// `rubric::`) the module or type a function is in (which of a component's
/// functions render depends on the data: a check that fails shows a list,
/// one that passes does not), for everything else the function with its
/// closures ([`owner`]).
pub fn scope(name: &str) -> String {
    let owner = owner(name);
    if owner.starts_with("frontend::") || owner.starts_with("rubric::") {
        if let Some((module, _)) = owner.rsplit_once("::") {
            return module.to_string();
        }
    }
    owner
}

/// The runtime that schedules and keeps the work (Yew's scheduler, the
/// futures queue, wasm-bindgen's cells and closures, the allocator) and
/// Yew's DOM bundle (how a render is written into the page: attach,
/// reconcile, shift, detach, keyed or not): always kept, whatever the
/// profile says, because timing decides which of their paths run first
/// (whether two answers land in one render or two) and one profile can
/// miss some (it missed a cell borrow of Yew's scheduler once, and a plan
/// page once needed the rest before it showed in a loaded test run).
pub fn is_runtime(name: &str) -> bool {
    // String equality: LLVM's inlining decides whether a comparison runs
    // as the `String` or the `str` one, and a small change elsewhere
    // swaps them (twice in session 8, each time making a first page load
    // the rest); both are a few bytes.
    const ALWAYS: [&str; 2] = ["<str as core::cmp::PartialEq>::eq", "<alloc::string::String as core::cmp::PartialEq>::eq"];
    const PARTS: [&str; 10] = [
        "yew::scheduler",
        "yew::dom_bundle",
        "wasm_bindgen::__rt",
        "wasm_bindgen::closure",
        "wasm_bindgen_futures",
        "js_sys::futures",
        "dlmalloc",
        "__rust",
        "__rdl",
        "alloc::alloc",
    ];
    ALWAYS.contains(&name) || PARTS.iter().any(|p| name.contains(p))
}

/// Split `wasm` (with a name section): the functions the profile `keep`
/// names (and what belongs with them, [`scope`]) and the runtime
/// ([`is_runtime`]) stay in the primary module, the others move to the
/// secondary one with whatever only they use; see the module documentation.
pub fn split(wasm: &[u8], keep: &HashSet<String>) -> Result<Split> {
    let keep: HashSet<String> = keep.iter().map(|name| scope(name)).collect();
    let mut primary = parse(wasm, std::env::var_os("STEMPACT_SPLIT_NAMES").is_some())?;
    let table = function_table(&primary)?;
    // What the JavaScript calls by name (the start, the allocator, the
    // closures' shims) stays, whatever the profile says.
    let exported: HashSet<FunctionId> = primary
        .exports
        .iter()
        .filter_map(|e| match e.item {
            ExportItem::Function(f) => Some(f),
            _ => None,
        })
        .collect();
    let deferred: HashSet<FunctionId> = primary
        .funcs
        .iter()
        .filter(|f| matches!(f.kind, FunctionKind::Local(_)))
        .filter(|f| {
            f.name.as_deref().is_some_and(|name| {
                let name = stable_name(name);
                !is_runtime(&name) && !keep.contains(&scope(&name))
            })
        })
        .map(|f| f.id())
        .filter(|f| !exported.contains(f) && primary.start != Some(*f))
        .collect();

    // The deferred functions that kept code or the table refers to get a
    // stub (exports are never deferred); the others go once nothing kept
    // refers to them.
    let mut frontier = BTreeSet::new();
    for f in primary.funcs.iter().map(|f| f.id()).filter(|f| !deferred.contains(f)).collect::<Vec<_>>() {
        frontier.extend(refs(&primary, f).funcs.into_iter().filter(|g| deferred.contains(g)));
    }
    for element in primary.elements.iter() {
        if let ElementItems::Functions(items) = &element.items {
            frontier.extend(items.iter().filter(|f| deferred.contains(f)));
        }
    }
    let frontier: Vec<FunctionId> = frontier.into_iter().collect();

    // The primary: new table slots, the loaded flag, the loader, the stubs.
    let base = primary.tables.get(table).initial;
    let slots = frontier.len() as u64;
    {
        let t = primary.tables.get_mut(table);
        t.initial += slots;
        if let Some(max) = t.maximum.as_mut() {
            *max = (*max).max(t.initial);
        }
    }
    let loaded = primary.globals.add_local(ValType::I32, true, false, ConstExpr::Value(Value::I32(0)));
    primary.exports.add(LOADED, loaded);
    let unit = primary.types.add(&[], &[]);
    let (loader, _) = primary.add_import_func(LOADER.0, LOADER.1, unit);
    for (i, &f) in frontier.iter().enumerate() {
        let ty = primary.funcs.get(f).ty();
        let (params, results) = primary.types.params_results(ty);
        let (params, results) = (params.to_vec(), results.to_vec());
        let args: Vec<_> = params.iter().map(|&t| primary.locals.add(t)).collect();
        let mut builder = FunctionBuilder::new(&mut primary.types, &params, &results);
        let mut body = builder.func_body();
        body.global_get(loaded).unop(UnaryOp::I32Eqz).if_else(
            None,
            |then| {
                then.call(loader);
            },
            |_| {},
        );
        for &arg in &args {
            body.local_get(arg);
        }
        let slot = i32::try_from(base + i as u64).map_err(|e| fail("the table", e))?;
        body.i32_const(slot).call_indirect(ty, table);
        primary.funcs.get_mut(f).kind = FunctionKind::Local(builder.local_func(args));
    }
    walrus::passes::gc::run(&mut primary);

    // What moves: every function of the original that the primary no
    // longer has, and the real bodies of the stubs.
    let original = parse(wasm, false)?;
    let kept: HashSet<usize> = primary.funcs.iter().map(|f| f.id().index()).collect();
    let stubbed: HashSet<usize> = frontier.iter().map(|f| f.index()).collect();
    let moved: HashSet<usize> = original
        .funcs
        .iter()
        .filter(|f| matches!(f.kind, FunctionKind::Local(_)))
        .map(|f| f.id().index())
        .filter(|i| !kept.contains(i) || stubbed.contains(i))
        .collect();
    let (mut needed_funcs, mut needed_globals, mut needed_tables) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::from([table.index()]));
    for f in original.funcs.iter().filter(|f| moved.contains(&f.id().index())) {
        let r = refs(&original, f.id());
        if let Some(what) = r.unmovable {
            return Err(fail("a deferred function", format!("{what} in {:?}", f.name)));
        }
        // (Imports stay imports of the rest: the same JavaScript functions.)
        let local = |g: &FunctionId| matches!(original.funcs.get(*g).kind, FunctionKind::Local(_));
        needed_funcs.extend(r.funcs.iter().filter(|g| local(g)).map(|g| g.index()).filter(|g| !moved.contains(g)));
        needed_globals.extend(r.globals.iter().map(|g| g.index()));
        needed_tables.extend(r.tables.iter().map(|t| t.index()));
    }
    // The primary exports what the rest needs of it (by position in the
    // original, which both readings share).
    let funcs: HashMap<usize, FunctionId> = primary.funcs.iter().map(|f| (f.id().index(), f.id())).collect();
    for i in &needed_funcs {
        let f = funcs.get(i).copied().ok_or_else(|| fail("the primary", "a function the rest needs is gone"))?;
        if matches!(primary.funcs.get(f).kind, FunctionKind::Local(_)) {
            primary.exports.add(&format!("f{i}"), f);
        }
    }
    let globals: Vec<GlobalId> = primary.globals.iter().map(|g| g.id()).filter(|g| needed_globals.contains(&g.index())).collect();
    for g in globals {
        primary.exports.add(&format!("g{}", g.index()), g);
    }
    let tables: Vec<TableId> = primary.tables.iter().map(|t| t.id()).filter(|t| needed_tables.contains(&t.index())).collect();
    for t in tables {
        primary.exports.add(&format!("t{}", t.index()), t);
    }
    let memories: Vec<_> = primary.memories.iter().map(|m| m.id()).collect();
    for m in memories {
        primary.exports.add(&format!("m{}", m.index()), m);
    }

    let secondary = secondary(original, &moved, &needed_funcs, &frontier, table, base)?;
    Ok(Split { primary: primary.emit_wasm(), secondary, deferred: moved.len(), stubs: frontier.len() })
}

/// Maps the kept functions the deferred code calls to their imports.
struct Remap(HashMap<FunctionId, FunctionId>);

impl VisitorMut for Remap {
    fn visit_function_id_mut(&mut self, f: &mut FunctionId) {
        if let Some(&to) = self.0.get(f) {
            *f = to;
        }
    }
}

/// The secondary module: a second reading of the wasm (so its positions
/// match the primary's) with everything but the moved code turned into
/// imports from the primary.
fn secondary(
    mut module: Module,
    moved: &HashSet<usize>,
    needed: &BTreeSet<usize>,
    frontier: &[FunctionId],
    table: TableId,
    base: u64,
) -> Result<Vec<u8>> {
    let funcs: HashMap<usize, FunctionId> = module.funcs.iter().map(|f| (f.id().index(), f.id())).collect();
    let func = |i: usize| funcs.get(&i).copied().ok_or_else(|| fail("the second reading", "a function is missing"));
    let frontier: Vec<FunctionId> = frontier.iter().map(|f| func(f.index())).collect::<Result<_>>()?;
    let table = module
        .tables
        .iter()
        .map(|t| t.id())
        .find(|t| t.index() == table.index())
        .ok_or_else(|| fail("the second reading", "the table is missing"))?;
    for id in module.exports.iter().map(|e| e.id()).collect::<Vec<_>>() {
        module.exports.delete(id);
    }
    module.start = None;
    for id in module.elements.iter().map(|e| e.id()).collect::<Vec<_>>() {
        module.elements.delete(id);
    }
    for id in module.data.iter().map(|d| d.id()).collect::<Vec<_>>() {
        module.data.delete(id);
    }
    for id in module.tables.iter().map(|t| t.id()).collect::<Vec<_>>() {
        if module.tables.get(id).import.is_none() {
            let import = module.imports.add(PRIMARY, &format!("t{}", id.index()), ImportKind::Table(id));
            // The primary's table has grown (and wasm-opt may set its
            // limits anew): ask for no particular size.
            let t = module.tables.get_mut(id);
            t.import = Some(import);
            t.elem_segments.clear();
            t.init = None;
            t.initial = 0;
            t.maximum = None;
        }
    }
    for id in module.memories.iter().map(|m| m.id()).collect::<Vec<_>>() {
        if module.memories.get(id).import.is_none() {
            let import = module.imports.add(PRIMARY, &format!("m{}", id.index()), ImportKind::Memory(id));
            let m = module.memories.get_mut(id);
            m.import = Some(import);
            m.data_segments.clear();
            m.initial = 0;
            m.maximum = None;
        }
    }
    for id in module.globals.iter().map(|g| g.id()).collect::<Vec<_>>() {
        if matches!(module.globals.get(id).kind, GlobalKind::Local(_)) {
            let import = module.imports.add(PRIMARY, &format!("g{}", id.index()), ImportKind::Global(id));
            module.globals.get_mut(id).kind = GlobalKind::Import(import);
        }
    }
    let mut remap = Remap(HashMap::new());
    for &i in needed {
        let f = func(i)?;
        if matches!(module.funcs.get(f).kind, FunctionKind::Local(_)) {
            let ty = module.funcs.get(f).ty();
            let (import, _) = module.add_import_func(PRIMARY, &format!("f{i}"), ty);
            remap.0.insert(f, import);
        }
    }
    for &i in moved {
        if let FunctionKind::Local(local) = &mut module.funcs.get_mut(func(i)?).kind {
            let entry = local.entry_block();
            dfs_pre_order_mut(&mut remap, local, entry);
        }
    }
    let offset = i32::try_from(base).map_err(|e| fail("the table", e))?;
    module.elements.add(
        ElementKind::Active { table, offset: ConstExpr::Value(Value::I32(offset)) },
        ElementItems::Functions(frontier),
    );
    walrus::passes::gc::run(&mut module);
    Ok(module.emit_wasm())
}

/// Where an app's profile is kept: the stable names of the functions its
/// first pages run, one per line. An app without one is not split.
pub fn profile_path(app: &str) -> PathBuf {
    crate::root().join("frontend/split").join(format!("{app}.txt"))
}

/// The JavaScript added to wasm-bindgen's glue of a split app. `REST` is
/// the secondary module's file name. After the first contentful paint (or
/// 5 s at the latest) the rest is fetched and compiled in the background; a
/// stub called before that loads it synchronously (a blocking request, then
/// a synchronous compile: a rare wait, never a wrong call). A failed fetch
/// is tried again when the browser is back online or after 10 s; a stub
/// that cannot load the rest says so in a notice on the page (in the
/// page's language) until the rest is in.
const LOADER_JS: &str = r#"
const __split_url = new URL("REST", import.meta.url);
let __split_module;
function __split_fetch() {
    if (__split_module === undefined) {
        __split_module = WebAssembly.compileStreaming(fetch(__split_url)).then(
            (m) => {
                __split_module = m;
                __split_notice(false);
            },
            () => {
                __split_module = undefined;
                __split_retry();
            },
        );
    }
}
let __split_retry_timer;
function __split_retry() {
    addEventListener("online", __split_fetch, { once: true });
    if (__split_retry_timer === undefined) {
        __split_retry_timer = setTimeout(() => {
            __split_retry_timer = undefined;
            __split_fetch();
        }, 10000);
    }
}
function __split_notice(show) {
    let notice = document.getElementById("split-offline");
    if (!show) {
        if (notice) notice.remove();
        return;
    }
    if (!notice) {
        notice = document.createElement("p");
        notice.id = "split-offline";
        notice.className = "split-offline";
        notice.setAttribute("role", "alert");
        document.body.append(notice);
    }
    notice.textContent = document.documentElement.lang === "en"
        ? "This part of STEMpact could not be loaded. Check your connection and try again."
        : "Dit deel van STEMpact kon niet geladen worden. Controleer je verbinding en probeer opnieuw.";
}
function __split_after_paint() {
    setTimeout(__split_fetch, 5000);
    try {
        new PerformanceObserver((list, observer) => {
            if (list.getEntriesByName("first-contentful-paint").length) {
                observer.disconnect();
                setTimeout(__split_fetch, 0);
            }
        }).observe({ type: "paint", buffered: true });
    } catch (e) {
        setTimeout(__split_fetch, 0);
    }
}
const __split = {
    load() {
        if (wasm.__split_loaded.value) return;
        let module = __split_module;
        if (!(module instanceof WebAssembly.Module)) {
            const request = new XMLHttpRequest();
            try {
                request.open("GET", __split_url, false);
                request.overrideMimeType("text/plain; charset=x-user-defined");
                request.send();
                if (request.status !== 200) throw new Error(`cannot load ${__split_url}: ${request.status}`);
            } catch (e) {
                __split_notice(true);
                __split_retry();
                throw e;
            }
            const text = request.responseText;
            const bytes = new Uint8Array(text.length);
            for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
            module = __split_module = new WebAssembly.Module(bytes);
        }
        if (globalThis.STEMPACT_SPLIT_TRACE) console.trace("loading the rest");
        const imports = __wbg_get_imports();
        imports.primary = wasm;
        new WebAssembly.Instance(module, imports);
        wasm.__split_loaded.value = 1;
        __split_notice(false);
    },
};
"#;

/// The glue of a profiling build: each function's number is recorded.
const MARK_JS: &str = r#"
const __split = { mark: (n) => (globalThis.__splitSeen ||= new Set()).add(n) };
"#;

/// wasm-bindgen's glue with `__split` among the imports, `extra` at the end
/// and, for a split app, the background fetch started with the app.
fn patch_glue(js: &str, app: &str, extra: &str, start_fetch: bool) -> Result<String> {
    let imports = format!("\"./{app}_bg.js\": import0,");
    let start = "wasm.__wbindgen_start();";
    if js.matches(&imports).count() != 1 || js.matches(start).count() != 1 {
        return Err(fail("the JavaScript glue", "wasm-bindgen's imports or start call are not where they were (a new wasm-bindgen?)"));
    }
    let mut js = js.replacen(&imports, &format!("{imports} __split: __split,"), 1);
    if start_fetch {
        js = js.replacen(start, &format!("{start} __split_after_paint();"), 1);
    }
    js.push_str(extra);
    Ok(js)
}

/// The `NAME-HASH.js` and `NAME-HASH_bg.wasm` trunk wrote into `dir`.
fn bundle_files(dir: &Path, app: &str) -> Result<(PathBuf, PathBuf)> {
    let entries = std::fs::read_dir(dir).map_err(|e| fail("cannot read the app's folder", e))?;
    let names: Vec<String> = entries.filter_map(|e| e.ok()).filter_map(|e| e.file_name().into_string().ok()).collect();
    let prefix = format!("{app}-");
    let find = |suffix: &str| {
        names
            .iter()
            .find(|n| n.starts_with(&prefix) && n.ends_with(suffix) && !n[prefix.len()..n.len() - suffix.len()].contains(['.', '_']))
            .map(|n| dir.join(n))
            .ok_or_else(|| fail("the app's folder", format!("no {prefix}…{suffix} in {}", dir.display())))
    };
    Ok((find(".js")?, find("_bg.wasm")?))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| fail(&format!("cannot read {}", path.display()), e))
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result {
    std::fs::write(path, bytes).map_err(|e| fail(&format!("cannot write {}", path.display()), e))
}

/// `wasm-opt -Oz` on a file, in place (names dropped). Not with
/// `STEMPACT_SPLIT_NAMES` set in the environment: then the names stay and no
/// stub is inlined, so a stack trace in the browser (`globalThis.
/// STEMPACT_SPLIT_TRACE = 1`) names the function that loaded the rest.
fn optimize(path: &Path) -> Result {
    if std::env::var_os("STEMPACT_SPLIT_NAMES").is_some() {
        return Ok(());
    }
    crate::run(
        std::process::Command::new(crate::setup::tools_bin().join("wasm-opt"))
            .arg("-Oz")
            .args(["--enable-reference-types", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext"])
            .arg(path)
            .arg("-o")
            .arg(path),
        &format!("optimizing {}", path.display()),
    )
}

/// The first 16 hex digits of the sha256 of `parts`.
fn content_hash(parts: &[&[u8]]) -> String {
    use sha2::Digest as _;
    let mut hasher = sha2::Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hasher.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Put the new names and integrity values of an app's glue and wasm into
/// its page (`dir/index.html`), each old text replaced by its new one; an
/// old text the page does not hold is an error (trunk's page changed).
fn rewrite_page<const N: usize>(dir: &Path, replacements: [(String, String); N]) -> Result {
    let path = dir.join("index.html");
    let mut page = std::fs::read_to_string(&path).map_err(|e| fail("cannot read the page", e))?;
    for (old, new) in replacements {
        if !page.contains(&old) {
            return Err(fail("the page", format!("it does not hold {old}")));
        }
        page = page.replace(&old, &new);
    }
    write(&path, page)
}

/// Sizes of one split app, for the build's log.
pub struct Report {
    pub deferred: usize,
    pub stubs: usize,
    pub primary_bytes: usize,
    pub secondary_bytes: usize,
}

/// Split the app trunk built into `dir` (its wasm kept its names: `-g`)
/// by the profile at `keep`: the primary replaces the wasm, the rest is
/// written beside it as `NAME-HASH.rest.wasm`, the glue learns to load it,
/// and all three, with the page, get names and integrity values from the
/// new content (a browser keeps hashed files for good, so a new split must
/// not reuse an old name).
pub fn split_app(app: &str, dir: &Path, keep: &Path) -> Result<Report> {
    let (js_path, wasm_path) = bundle_files(dir, app)?;
    let keep_text = std::fs::read_to_string(keep).map_err(|e| fail(&format!("cannot read {}", keep.display()), e))?;
    let keep_set: HashSet<String> = keep_text.lines().filter(|l| !l.is_empty()).map(str::to_string).collect();
    let original = read(&wasm_path)?;
    let out = split(&original, &keep_set)?;
    let (primary_tmp, rest_tmp) = (dir.join(format!("{app}.primary.tmp.wasm")), dir.join(format!("{app}.rest.tmp.wasm")));
    write(&primary_tmp, &out.primary)?;
    write(&rest_tmp, &out.secondary)?;
    optimize(&primary_tmp)?;
    optimize(&rest_tmp)?;
    let (primary, secondary) = (read(&primary_tmp)?, read(&rest_tmp)?);
    let old_js = read(&js_path)?;
    let hash = content_hash(&[&primary, &secondary, &old_js, keep_text.as_bytes()]);
    let file_name = |path: &Path| path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    let (old_js_name, old_wasm_name) = (file_name(&js_path), file_name(&wasm_path));
    let (js_name, wasm_name, rest_name) = (format!("{app}-{hash}.js"), format!("{app}-{hash}_bg.wasm"), format!("{app}-{hash}.rest.wasm"));
    let js = patch_glue(&String::from_utf8_lossy(&old_js), app, &LOADER_JS.replace("REST", &rest_name), true)?;
    rewrite_page(
        dir,
        [
            (crate::integrity(&old_js), crate::integrity(js.as_bytes())),
            (crate::integrity(&original), crate::integrity(&primary)),
            (old_js_name, js_name.clone()),
            (old_wasm_name, wasm_name.clone()),
        ],
    )?;
    for path in [&primary_tmp, &js_path, &wasm_path] {
        std::fs::remove_file(path).map_err(|e| fail(&format!("cannot remove {}", path.display()), e))?;
    }
    std::fs::rename(&rest_tmp, dir.join(&rest_name)).map_err(|e| fail("cannot name the rest", e))?;
    write(&dir.join(&js_name), &js)?;
    write(&dir.join(&wasm_name), &primary)?;
    Ok(Report { deferred: out.deferred, stubs: out.stubs, primary_bytes: primary.len(), secondary_bytes: secondary.len() })
}

/// Instrument the app trunk built into `dir` (its wasm kept its names)
/// for a profile: every function records its number in the page's
/// `__splitSeen` set. Returns the stable names by number.
pub fn instrument_app(app: &str, dir: &Path) -> Result<Vec<String>> {
    let (js_path, wasm_path) = bundle_files(dir, app)?;
    let (original, old_js) = (read(&wasm_path)?, read(&js_path)?);
    let (instrumented, names) = instrument(&original)?;
    let js = patch_glue(&String::from_utf8_lossy(&old_js), app, MARK_JS, false)?;
    rewrite_page(
        dir,
        [
            (crate::integrity(&old_js), crate::integrity(js.as_bytes())),
            (crate::integrity(&original), crate::integrity(&instrumented)),
        ],
    )?;
    write(&js_path, js)?;
    write(&wasm_path, instrumented)?;
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::stable_name;

    #[test]
    fn what_changes_between_builds_goes_and_nothing_else() {
        assert_eq!(stable_name("frontend::app::run::h0123456789abcdef"), "frontend::app::run");
        assert_eq!(stable_name("frontend::app::run::{{closure}}::hffffffffffffffff"), "frontend::app::run::{{closure}}");
        assert_eq!(stable_name("<js_sys::JsString as core::fmt::Display>::fmt::hc18592467f6f9381.147"), "<js_sys::JsString as core::fmt::Display>::fmt");
        assert_eq!(
            stable_name("<dlmalloc[e24a27700634d609]::dlmalloc::Dlmalloc<dlmalloc[e24a27700634d609]::sys::System>>::free"),
            "<dlmalloc::dlmalloc::Dlmalloc<dlmalloc::sys::System>>::free"
        );
        assert_eq!(stable_name("plan-f8c149d69b2cb97a.wasm"), "plan.wasm");
        assert_eq!(stable_name("Closure { shim_idx: 68, ret: Unit }"), "Closure { shim_idx: _, ret: Unit }");
        assert_eq!(stable_name("frontend::app::hello"), "frontend::app::hello");
        assert_eq!(stable_name("memcpy"), "memcpy");
        assert_eq!(stable_name("v1.2"), "v1");
        assert_eq!(stable_name("a::h0123456789abcdeg"), "a::h0123456789abcdeg");
    }

    #[test]
    fn a_closure_belongs_to_its_function() {
        use super::owner;
        assert_eq!(owner("frontend::components::plan_checks::check_items::{{closure}}"), "frontend::components::plan_checks::check_items");
        assert_eq!(owner("a::b::{{closure}}::{{closure}}"), "a::b");
        assert_eq!(owner("a::b"), "a::b");
    }

    #[test]
    fn the_projects_own_code_is_kept_by_module() {
        use super::scope;
        assert_eq!(scope("frontend::components::plan_checks::list_markup"), "frontend::components::plan_checks");
        assert_eq!(scope("frontend::components::plan_checks::check_items::{{closure}}"), "frontend::components::plan_checks");
        assert_eq!(scope("rubric::plan::checks::check"), "rubric::plan::checks");
        assert_eq!(scope("yew::html::component::Component::view::{{closure}}"), "yew::html::component::Component::view");
        assert_eq!(scope("<frontend::x::Y as core::fmt::Debug>::fmt"), "<frontend::x::Y as core::fmt::Debug>::fmt");
    }

    #[test]
    fn the_runtime_always_stays() {
        use super::is_runtime;
        assert!(is_runtime("wasm_bindgen::__rt::WasmRefCell<T>::borrow_mut"));
        assert!(is_runtime("yew::scheduler::arch::run_scheduler"));
        assert!(is_runtime("yew::dom_bundle::blist::BList::apply_keyed"));
        assert!(is_runtime("<dlmalloc::dlmalloc::Dlmalloc<dlmalloc::sys::System>>::malloc"));
        assert!(!is_runtime("frontend::components::goal_form::goal_form"));
        assert!(!is_runtime("serde_json::de::from_str"));
        assert!(is_runtime("<str as core::cmp::PartialEq>::eq"));
        assert!(!is_runtime("<frontend::x::Props as core::cmp::PartialEq>::eq"));
    }
}
