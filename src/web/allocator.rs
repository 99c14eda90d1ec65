//! The page's global allocator: a [`Heap`] on the module's own linear memory.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;

use crate::heap::{Heap, Pages, PAGE};

#[global_allocator]
static ALLOCATOR: Allocator = Allocator(UnsafeCell::new(Heap::new(Memory)));

/// The module's own linear memory, grown a page at a time.
struct Memory;

impl Pages for Memory {
    fn grow(&mut self, count: usize) -> Option<usize> {
        let old = core::arch::wasm32::memory_grow(0, count);
        (old != usize::MAX).then_some(old * PAGE)
    }
}

/// The page's allocator: a [`Heap`] on the module's memory.
struct Allocator(UnsafeCell<Heap<Memory>>);

// The page's WebAssembly is built without threads: one thread ever calls the allocator.
const _: () = assert!(!cfg!(target_feature = "atomics"), "the allocator assumes one thread");
// SAFETY: one thread only (above), and no `Heap` method allocates, so no call nests in another.
unsafe impl Sync for Allocator {}

// SAFETY: `Heap` keeps `GlobalAlloc`'s contract, and each call has the heap to itself.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { (*self.0.get()).alloc(layout) }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        unsafe { (*self.0.get()).dealloc(block, layout) }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe { (*self.0.get()).realloc(block, layout, new_size) }
    }
}
