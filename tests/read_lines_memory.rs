//! Memory used reading JSON Lines made of bad lines: the warnings about them
//! must not grow with their number. Measured with a counting allocator (its
//! own test binary, one test, so nothing else allocates meanwhile).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use followback::read::read_any;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[test]
fn bad_lines_cost_no_memory_per_line() {
    const BAD: usize = 1_000_000;
    let mut text = String::from("{\"screen_name\":\"ann\",\"followers_count\":3}\n");
    text.push_str(&"x\n".repeat(BAD));
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let obs = read_any(&text);
    let extra = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    assert!(obs.is_ok_and(|o| o.accounts.len() == 1));
    // The text itself is 2 MB; describing or listing every bad line took
    // over 50 bytes a line (50 MB here).
    assert!(extra < 4_000_000, "{extra} bytes allocated at peak");
}
