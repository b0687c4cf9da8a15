/* libtesseract's OpenMP regions run on the calling thread, without libgomp's team of one.
 *
 * The pipeline runs Tesseract with one OpenMP thread (OMP_THREAD_LIMIT=1: one process per core instead), so
 * every region of its LSTM (a `parallel for` / `parallel sections` per time step and layer) already runs on
 * the calling thread alone; libgomp still sets a team of one up for it and ends it at a barrier whose last
 * thread wakes the others with a futex syscall, whoever waits: ~100,000 syscalls a phone photo, ~3-9 % of
 * the worker's CPU (docs/ocr.md). Loaded globally before libtesseract (tools/tesseract.py), these four
 * entry points, the only ones libtesseract takes from libgomp besides omp_get_num_threads and
 * omp_get_thread_num (which answer 1 and 0 outside a team, as in a team of one), take libgomp's place: a
 * region is its body called once; `sections` hands the body its sections in order. The same work in the
 * same order as a team of one does: the same words, boxes and confidences.
 *
 * Being global, it answers every library loaded after it: a region of another is run the same way (a team
 * of one, as the process's thread limit of 1 gives it anyway); a `sections` construct of another outside
 * these regions goes to libgomp's own functions.
 *
 * Built by `make ompinline` (cc -O2 -shared -fPIC); nothing else in the package needs a compiler.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

static __thread unsigned next_section, last_section, in_sections;

/* how many regions ran here (a test reads it: the stub really took libgomp's place) */
static unsigned long regions;

unsigned long ompinline_regions(void) { return regions; }

/* libgomp's own function (loaded, locally, before this library), or NULL; looked up once */
static void *gomp(const char *name, void **cached) {
    if (*cached == NULL) {
        void *lib = dlopen("libgomp.so.1", RTLD_LAZY | RTLD_NOLOAD);
        if (lib != NULL) {
            *cached = dlsym(lib, name);
            dlclose(lib); /* NOLOAD took a reference: libgomp stays loaded by whoever loaded it */
        }
    }
    return *cached;
}

void GOMP_parallel(void (*fn)(void *), void *data, unsigned num_threads, unsigned flags) {
    /* a plain region inside a section is outside any sections construct of its own */
    unsigned outer_next = next_section, outer_last = last_section, outer_in = in_sections;
    (void)num_threads;
    (void)flags;
    __atomic_add_fetch(&regions, 1, __ATOMIC_RELAXED);
    in_sections = 0;
    fn(data);
    next_section = outer_next;
    last_section = outer_last;
    in_sections = outer_in;
}

void GOMP_parallel_sections(void (*fn)(void *), void *data, unsigned num_threads, unsigned count,
                            unsigned flags) {
    /* a region inside a section keeps the outer one's place */
    unsigned outer_next = next_section, outer_last = last_section, outer_in = in_sections;
    (void)num_threads;
    (void)flags;
    __atomic_add_fetch(&regions, 1, __ATOMIC_RELAXED);
    next_section = 1;
    last_section = count;
    in_sections = 1;
    fn(data);
    next_section = outer_next;
    last_section = outer_last;
    in_sections = outer_in;
}

/* the next section to run (1 .. count), 0 when none is left */
unsigned GOMP_sections_next(void) {
    if (!in_sections) {
        static void *own;
        unsigned (*next)(void) = (unsigned (*)(void))gomp("GOMP_sections_next", &own);
        return next ? next() : 0;
    }
    return next_section <= last_section ? next_section++ : 0;
}

void GOMP_sections_end_nowait(void) {
    if (!in_sections) {
        static void *own;
        void (*end)(void) = (void (*)(void))gomp("GOMP_sections_end_nowait", &own);
        if (end)
            end();
    }
}
