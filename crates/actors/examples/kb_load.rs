//! Measures how long the embedded actor KB takes to parse, validate and index, and prints
//! what it holds. Run with `cargo run --release -p sitrep-actors --example kb_load`.

use sitrep_actors::kb::{KbBuilder, Namespace};
use std::time::{Duration, Instant};

fn main() {
    const RUNS: usize = 21;
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        let kb = KbBuilder::new().builtin().build();
        times.push(t.elapsed());
        last = Some(kb);
    }
    let kb = match last {
        Some(Ok(kb)) => kb,
        Some(Err(e)) => {
            eprintln!("kb_load: error: {e}");
            std::process::exit(2);
        }
        None => return,
    };
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "load: runs={RUNS} min={:.2} ms median={:.2} ms max={:.2} ms",
        ms(times[0]),
        ms(times[RUNS / 2]),
        ms(times[RUNS - 1])
    );
    let ns = |n| kb.sectors().iter().filter(|s| s.namespace == n).count();
    println!(
        "countries={} seats={} igos={} sectors(cameo)={} sectors(plover)={} people={} roles={} phrases={} max_phrase_tokens={} warnings={}",
        kb.countries().len(),
        kb.seats().len(),
        kb.igos().len(),
        ns(Namespace::Cameo),
        ns(Namespace::Plover),
        kb.people().len(),
        kb.people().iter().map(|p| p.roles.len()).sum::<usize>(),
        kb.phrase_count(),
        kb.max_phrase_tokens(),
        kb.warnings().len()
    );
    for w in kb.warnings() {
        println!("warning: {w}");
    }
}
