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
 * It also keeps libtesseract's text-line images uncompressed (``pixWriteMem``, at the end).
 *
 * Built by `make ompinline` (cc -O2 -shared -fPIC); nothing else in the package needs a compiler.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stddef.h>
#include <string.h>

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

/* Tesseract keeps every text line's image it hands its LSTM as PNG bytes (ImageData::SetPixInternal writes
 * it with Leptonica's pixWriteMem(..., IFF_PNG)) and decodes them again right before reading the line
 * (GetPixInternal: pixReadMem, which tells the format from the bytes' header): zlib's deflate and inflate
 * and libpng were ~5 % of a phone photo's reading (perf). SetPixInternal's calls write Leptonica's own
 * uncompressed serialisation (SPIX) instead, which pixReadMem reads back to the same pixels: the same words,
 * boxes and confidences. Every other caller (ScrollView's debug drawing in libtesseract 5.3, a viewer window
 * the pipeline never opens; any other library) gets the format it asked for.
 *
 * Loaded globally, this pixWriteMem answers every caller loaded after it, so it must always reach
 * Leptonica's own: found by walking the loaded objects (dl_iterate_phdr: Leptonica loaded locally by
 * libtesseract, under whatever file name), not by a list of names. The interception is off until
 * ompinline_intercept_line_images() has found Leptonica's function (tools/tesseract.py calls it once
 * libtesseract is loaded; when it answers 0 the engine is not used in process). */
#define IFF_PNG 3
#define IFF_SPIX 19

#ifndef OMPINLINE_LEPTONICA_SYMBOL
#define OMPINLINE_LEPTONICA_SYMBOL "pixWriteMem" /* another name builds a library that finds none (a test) */
#endif

typedef int (*pix_write_mem_fn)(unsigned char **, size_t *, void *, int);

int pixWriteMem(unsigned char **pdata, size_t *psize, void *pix, int format);

/* how many line images were kept as SPIX here (a test reads it: the stub really took Leptonica's place) */
static unsigned long spix_writes;

unsigned long ompinline_spix_writes(void) { return spix_writes; }

/* Leptonica's pixWriteMem once found (read and written atomically: several threads may read pages) */
static pix_write_mem_fn leptonica;
/* 1 once ompinline_intercept_line_images() found it: SetPixInternal's PNG becomes SPIX */
static int intercepting;

static int find_in_object(struct dl_phdr_info *info, size_t size, void *found) {
    Dl_info self;
    void *lib, *fn;
    (void)size;
    if (info->dlpi_name == NULL || info->dlpi_name[0] == '\0')
        return 0; /* the program itself (its symbols are the global scope's, searched last below) */
    if (dladdr((void *)pixWriteMem, &self) != 0 && self.dli_fbase == (void *)info->dlpi_addr)
        return 0; /* this library */
    lib = dlopen(info->dlpi_name, RTLD_LAZY | RTLD_NOLOAD);
    if (lib == NULL)
        return 0;
    fn = dlsym(lib, OMPINLINE_LEPTONICA_SYMBOL); /* the object's own scope: it and its dependencies */
    dlclose(lib);                                /* NOLOAD took a reference: it stays loaded by its loader */
    if (fn == NULL || fn == (void *)pixWriteMem)
        return 0;
    *(void **)found = fn;
    return 1;
}

static pix_write_mem_fn leptonica_write_mem(void) {
    pix_write_mem_fn fn = __atomic_load_n(&leptonica, __ATOMIC_ACQUIRE);
    if (fn == NULL) {
        void *found = NULL;
        dl_iterate_phdr(find_in_object, &found);
        if (found == NULL)
            found = dlsym(RTLD_NEXT, OMPINLINE_LEPTONICA_SYMBOL);
        if (found == (void *)pixWriteMem)
            found = NULL;
        fn = (pix_write_mem_fn)found;
        if (fn != NULL)
            __atomic_store_n(&leptonica, fn, __ATOMIC_RELEASE);
    }
    return fn;
}

/* 1 when Leptonica's pixWriteMem is found and SetPixInternal's line images are from now on written as SPIX;
 * 0 when it is not (the interception stays off; a call would fail as Leptonica's does, with no data) */
int ompinline_intercept_line_images(void) {
    if (leptonica_write_mem() == NULL)
        return 0;
    __atomic_store_n(&intercepting, 1, __ATOMIC_RELEASE);
    return 1;
}

/* SetPixInternal's call sites found so far (two in libtesseract 5.3: dladdr's symbol search once each, not per
 * line: _dl_addr was 0.4 % of the photos' CPU), and the last other caller seen */
static const void *line_image_callers[2], *other_caller;

#define SET_PIX_INTERNAL "_ZN9tesseract9ImageData14SetPixInternal"

static int from_set_pix_internal(const void *caller) {
    Dl_info info;
    size_t i;
    for (i = 0; i < 2; i++)
        if (caller == __atomic_load_n(&line_image_callers[i], __ATOMIC_RELAXED))
            return 1;
    if (caller == __atomic_load_n(&other_caller, __ATOMIC_RELAXED))
        return 0;
    if (dladdr(caller, &info) == 0 || info.dli_sname == NULL ||
        strncmp(info.dli_sname, SET_PIX_INTERNAL, sizeof SET_PIX_INTERNAL - 1) != 0) {
        __atomic_store_n(&other_caller, caller, __ATOMIC_RELAXED);
        return 0;
    }
    for (i = 0; i < 2; i++) {
        const void *none = NULL;
        if (__atomic_compare_exchange_n(&line_image_callers[i], &none, caller, 0, __ATOMIC_RELAXED,
                                        __ATOMIC_RELAXED))
            break;
    }
    return 1;
}

int pixWriteMem(unsigned char **pdata, size_t *psize, void *pix, int format) {
    pix_write_mem_fn write = leptonica_write_mem();
    if (write == NULL) {
        /* cannot happen with Leptonica loaded (tools/tesseract.py does not use the engine then): fail as
         * Leptonica does on an error, no data */
        if (pdata != NULL)
            *pdata = NULL;
        if (psize != NULL)
            *psize = 0;
        return 1;
    }
    if (format == IFF_PNG && __atomic_load_n(&intercepting, __ATOMIC_ACQUIRE) &&
        from_set_pix_internal(__builtin_return_address(0))) {
        format = IFF_SPIX;
        __atomic_add_fetch(&spix_writes, 1, __ATOMIC_RELAXED);
    }
    return write(pdata, psize, pix, format);
}

/* The LSTM's index over its inputs (tesseract::StrideMap::Index) in one place, not five. Its convolution,
 * maxpool and reversal layers step an Index over every pixel of a line's image, asking AddOffset, IsValid,
 * Increment and IsLast at each; libtesseract exports them and calls them, and each other, through its PLT:
 * AddOffset calls SetTFromIndices and IsValid, which calls MaxIndexOfDim for each of the three dimensions,
 * a dozen calls for one step (perf on the real photos: the five were ~13 % of a worker's CPU, call overhead
 * for a few additions). Loaded globally before libtesseract, these definitions answer its calls, each one
 * whole, calling none of the others: the same arithmetic on the same fields, so the same words, boxes and
 * confidences.
 *
 * They read the objects' fields, which the library's header (stridemap.h, not installed) lays out: a
 * StrideMap is its shape and its index increments (3 ints each: batch, height, width), then the heights and
 * the widths of its batch's images (two std::vector<int>: begin, end, capacity pointers); an Index is the
 * map's address, its t and its 3 indices. Until ompinline_intercept_stride_map() has found the library's own
 * five and checked that they give what these give on maps built in that layout (every index near the edges
 * of two maps, one with per-image sizes and one without), each call goes to the library's own function: a
 * libtesseract laid out otherwise is left to its own code. */
struct int_vector {
    int *begin, *end, *capacity;
};

struct stride_map {
    int shape[3];
    int t_increments[3];
#ifndef OMPINLINE_OTHER_LAYOUT
    struct int_vector heights, widths;
#else /* a layout that is not libtesseract's: the check fails (a test) */
    struct int_vector widths, heights;
#endif
};

struct stride_index {
    const struct stride_map *map;
    int t;
    int indices[3];
};

#define MAX_INDEX_OF_DIM "_ZNK9tesseract9StrideMap5Index13MaxIndexOfDimENS_14FlexDimensionsE"
#define IS_VALID "_ZNK9tesseract9StrideMap5Index7IsValidEv"
#define IS_LAST "_ZNK9tesseract9StrideMap5Index6IsLastENS_14FlexDimensionsE"
#define INCREMENT "_ZN9tesseract9StrideMap5Index9IncrementEv"
#define SET_T_FROM_INDICES "_ZN9tesseract9StrideMap5Index15SetTFromIndicesEv"
#define ADD_OFFSET "_ZN9tesseract9StrideMap5Index9AddOffsetEiNS_14FlexDimensionsE"

typedef int (*max_index_fn)(const struct stride_index *, int);
typedef _Bool (*is_valid_fn)(const struct stride_index *);
typedef _Bool (*is_last_fn)(const struct stride_index *, int);
typedef _Bool (*increment_fn)(struct stride_index *);
typedef void (*set_t_fn)(struct stride_index *);
typedef _Bool (*add_offset_fn)(struct stride_index *, int, int);

int _ZNK9tesseract9StrideMap5Index13MaxIndexOfDimENS_14FlexDimensionsE(const struct stride_index *, int);
_Bool _ZNK9tesseract9StrideMap5Index7IsValidEv(const struct stride_index *);
_Bool _ZNK9tesseract9StrideMap5Index6IsLastENS_14FlexDimensionsE(const struct stride_index *, int);
_Bool _ZN9tesseract9StrideMap5Index9IncrementEv(struct stride_index *);
void _ZN9tesseract9StrideMap5Index15SetTFromIndicesEv(struct stride_index *);
_Bool _ZN9tesseract9StrideMap5Index9AddOffsetEiNS_14FlexDimensionsE(struct stride_index *, int, int);

/* the library's own functions, found on first use (stride_library) */
static void *tess_max_index, *tess_is_valid, *tess_is_last, *tess_increment, *tess_set_t, *tess_add_offset;
/* 1 once ompinline_intercept_stride_map() checked them against these: these answer from then on */
static int stride_own;

struct own_search {
    const char *name;
    void *self;  /* this library's definition */
    void *found; /* another object's */
};

static int find_own(struct dl_phdr_info *info, size_t size, void *data) {
    struct own_search *search = data;
    Dl_info self;
    void *lib, *fn;
    (void)size;
    if (info->dlpi_name == NULL || info->dlpi_name[0] == '\0')
        return 0;
    if (dladdr(search->self, &self) != 0 && self.dli_fbase == (void *)info->dlpi_addr)
        return 0; /* this library */
    lib = dlopen(info->dlpi_name, RTLD_LAZY | RTLD_NOLOAD);
    if (lib == NULL)
        return 0;
    fn = dlsym(lib, search->name); /* the object's own scope: libtesseract's own definition */
    dlclose(lib);
    if (fn == NULL || fn == search->self)
        return 0;
    search->found = fn;
    return 1;
}

/* libtesseract's own definition of name (this library's is self), or NULL; looked up once (out of line: the
 * functions that call it stay lean) */
__attribute__((noinline, cold)) static void *stride_library(const char *name, void *self, void **cached) {
    void *fn = __atomic_load_n(cached, __ATOMIC_ACQUIRE);
    if (fn == NULL) {
        struct own_search search = {name, self, NULL};
        dl_iterate_phdr(find_own, &search);
        fn = search.found;
        if (fn != NULL)
            __atomic_store_n(cached, fn, __ATOMIC_RELEASE);
    }
    return fn;
}

/* 1 while the library's own functions answer (until checked): the calls then go out of line to them */
#define LIBRARY_ANSWERS() __builtin_expect(!__atomic_load_n(&stride_own, __ATOMIC_ACQUIRE), 0)

/* the largest index of dimension dim (0 batch, 1 height, 2 width) where the lower ones are */
static inline int max_index(const struct stride_index *ix, int dim) {
    const struct stride_map *map = ix->map;
    int max = map->shape[dim] - 1;
    const struct int_vector *sizes;
    size_t batch;
    if (dim == 0)
        return max;
    sizes = dim == 1 ? &map->heights : &map->widths;
    batch = (size_t)(long)ix->indices[0];
    if (batch >= (size_t)(sizes->end - sizes->begin) || sizes->begin[batch] > max)
        return max;
    return sizes->begin[batch] - 1;
}

static inline int is_valid(const struct stride_index *ix) {
    int d;
    for (d = 0; d < 3; d++)
        if (ix->indices[d] < 0)
            return 0;
    for (d = 0; d < 3; d++)
        if (ix->indices[d] > max_index(ix, d))
            return 0;
    return 1;
}

static inline void set_t(struct stride_index *ix) {
    const int *inc = ix->map->t_increments;
    ix->t = inc[0] * ix->indices[0] + inc[1] * ix->indices[1] + inc[2] * ix->indices[2];
}

/* the next index, the last dimension fastest; 0 (and all indices 0) after the last */
static inline int increment(struct stride_index *ix) {
    int d;
    for (d = 2; d >= 0; d--) {
        if (max_index(ix, d) != ix->indices[d]) {
            ix->t += ix->map->t_increments[d];
            ++ix->indices[d];
            return 1;
        }
        ix->t -= ix->map->t_increments[d] * ix->indices[d];
        ix->indices[d] = 0;
    }
    return 0;
}

/* the library's own function (or, not found, this one's arithmetic), out of line: the calls above stay lean */
#define OWN(fn_type, name, self, cached) ((fn_type)stride_library(name, (void *)self, &cached))

__attribute__((noinline, cold)) static int library_max_index(const struct stride_index *ix, int dim) {
    max_index_fn own = OWN(max_index_fn, MAX_INDEX_OF_DIM,
                           _ZNK9tesseract9StrideMap5Index13MaxIndexOfDimENS_14FlexDimensionsE, tess_max_index);
    return own ? own(ix, dim) : max_index(ix, dim);
}

__attribute__((noinline, cold)) static _Bool library_is_valid(const struct stride_index *ix) {
    is_valid_fn own = OWN(is_valid_fn, IS_VALID, _ZNK9tesseract9StrideMap5Index7IsValidEv, tess_is_valid);
    return own ? own(ix) : is_valid(ix);
}

__attribute__((noinline, cold)) static _Bool library_is_last(const struct stride_index *ix, int dim) {
    is_last_fn own =
        OWN(is_last_fn, IS_LAST, _ZNK9tesseract9StrideMap5Index6IsLastENS_14FlexDimensionsE, tess_is_last);
    return own ? own(ix, dim) : max_index(ix, dim) == ix->indices[dim];
}

__attribute__((noinline, cold)) static _Bool library_increment(struct stride_index *ix) {
    increment_fn own = OWN(increment_fn, INCREMENT, _ZN9tesseract9StrideMap5Index9IncrementEv, tess_increment);
    return own ? own(ix) : increment(ix);
}

__attribute__((noinline, cold)) static void library_set_t(struct stride_index *ix) {
    set_t_fn own = OWN(set_t_fn, SET_T_FROM_INDICES, _ZN9tesseract9StrideMap5Index15SetTFromIndicesEv, tess_set_t);
    if (own)
        own(ix);
    else
        set_t(ix);
}

__attribute__((noinline, cold)) static _Bool library_add_offset(struct stride_index *ix, int offset, int dim) {
    add_offset_fn own = OWN(add_offset_fn, ADD_OFFSET, _ZN9tesseract9StrideMap5Index9AddOffsetEiNS_14FlexDimensionsE,
                            tess_add_offset);
    if (own)
        return own(ix, offset, dim);
    ix->indices[dim] += offset;
    set_t(ix);
    return is_valid(ix);
}

int _ZNK9tesseract9StrideMap5Index13MaxIndexOfDimENS_14FlexDimensionsE(const struct stride_index *ix, int dim) {
    if (LIBRARY_ANSWERS())
        return library_max_index(ix, dim);
    return max_index(ix, dim);
}

_Bool _ZNK9tesseract9StrideMap5Index7IsValidEv(const struct stride_index *ix) {
    if (LIBRARY_ANSWERS())
        return library_is_valid(ix);
    return is_valid(ix);
}

_Bool _ZNK9tesseract9StrideMap5Index6IsLastENS_14FlexDimensionsE(const struct stride_index *ix, int dim) {
    if (LIBRARY_ANSWERS())
        return library_is_last(ix, dim);
    return max_index(ix, dim) == ix->indices[dim];
}

_Bool _ZN9tesseract9StrideMap5Index9IncrementEv(struct stride_index *ix) {
    if (LIBRARY_ANSWERS())
        return library_increment(ix);
    return increment(ix);
}

void _ZN9tesseract9StrideMap5Index15SetTFromIndicesEv(struct stride_index *ix) {
    if (LIBRARY_ANSWERS())
        library_set_t(ix);
    else
        set_t(ix);
}

_Bool _ZN9tesseract9StrideMap5Index9AddOffsetEiNS_14FlexDimensionsE(struct stride_index *ix, int offset, int dim) {
    if (LIBRARY_ANSWERS())
        return library_add_offset(ix, offset, dim);
    ix->indices[dim] += offset;
    set_t(ix);
    return is_valid(ix);
}

/* whether the library's own functions give what these give: every index from -1 to past the end of each
 * dimension of two maps (per-image heights and widths, some larger than the shape; none), each function
 * asked, the index's t and indices compared after the ones that move it */
static int same_as_library(void) {
    static int heights[] = {3, 5, 9}, widths[] = {7, 2, 4};
    struct stride_map maps[2] = {
        {{3, 6, 8}, {48, 8, 1}, {heights, heights + 3, heights + 3}, {widths, widths + 3, widths + 3}},
        {{2, 4, 5}, {20, 5, 1}, {NULL, NULL, NULL}, {NULL, NULL, NULL}},
    };
    max_index_fn lib_max = (max_index_fn)tess_max_index;
    is_valid_fn lib_valid = (is_valid_fn)tess_is_valid;
    is_last_fn lib_last = (is_last_fn)tess_is_last;
    increment_fn lib_increment = (increment_fn)tess_increment;
    set_t_fn lib_set_t = (set_t_fn)tess_set_t;
    add_offset_fn lib_add_offset = (add_offset_fn)tess_add_offset;
    int m, b, y, x, d, off;
    for (m = 0; m < 2; m++)
        for (b = -1; b <= maps[m].shape[0]; b++)
            for (y = -1; y <= maps[m].shape[1]; y++)
                for (x = -1; x <= maps[m].shape[2]; x++) {
                    struct stride_index start = {&maps[m], 12345, {b, y, x}}, a, c;
                    if (lib_valid(&start) != (_Bool)is_valid(&start))
                        return 0;
                    for (d = 0; d < 3; d++) {
                        if (lib_max(&start, d) != max_index(&start, d))
                            return 0;
                        if (lib_last(&start, d) != (_Bool)(max_index(&start, d) == start.indices[d]))
                            return 0;
                    }
                    a = start, c = start;
                    lib_set_t(&a);
                    set_t(&c);
                    if (memcmp(&a, &c, sizeof a) != 0)
                        return 0;
                    if (b < 0)
                        continue;
                    for (d = 0; d < 3; d++)
                        for (off = -1; off <= 1; off++) {
                            _Bool ra, rc;
                            a = start, c = start;
                            ra = lib_add_offset(&a, off, d);
                            c.indices[d] += off;
                            set_t(&c);
                            rc = (_Bool)is_valid(&c);
                            if (ra != rc || memcmp(&a, &c, sizeof a) != 0)
                                return 0;
                        }
                    if (!is_valid(&start))
                        continue; /* Increment steps valid indices only */
                    a = start, c = start;
                    lib_set_t(&a);
                    set_t(&c);
                    if (lib_increment(&a) != (_Bool)increment(&c))
                        return 0;
                    if (memcmp(&a, &c, sizeof a) != 0)
                        return 0;
                }
    return 1;
}

/* 1 when libtesseract's own StrideMap::Index functions were found and give what these give (from now on
 * these answer its calls); 0 otherwise (its own answer them, through these) */
int ompinline_intercept_stride_map(void) {
    if (__atomic_load_n(&stride_own, __ATOMIC_ACQUIRE))
        return 1;
    if (!stride_library(MAX_INDEX_OF_DIM, (void *)_ZNK9tesseract9StrideMap5Index13MaxIndexOfDimENS_14FlexDimensionsE,
                        &tess_max_index) ||
        !stride_library(IS_VALID, (void *)_ZNK9tesseract9StrideMap5Index7IsValidEv, &tess_is_valid) ||
        !stride_library(IS_LAST, (void *)_ZNK9tesseract9StrideMap5Index6IsLastENS_14FlexDimensionsE, &tess_is_last) ||
        !stride_library(INCREMENT, (void *)_ZN9tesseract9StrideMap5Index9IncrementEv, &tess_increment) ||
        !stride_library(SET_T_FROM_INDICES, (void *)_ZN9tesseract9StrideMap5Index15SetTFromIndicesEv, &tess_set_t) ||
        !stride_library(ADD_OFFSET, (void *)_ZN9tesseract9StrideMap5Index9AddOffsetEiNS_14FlexDimensionsE,
                        &tess_add_offset))
        return 0;
    if (!same_as_library())
        return 0;
    __atomic_store_n(&stride_own, 1, __ATOMIC_RELEASE);
    return 1;
}

/* An LSTM layer's outputs written into the next one's int8 input (tesseract::NetworkIO::WriteTimeStepPart,
 * at every time step of every layer): libtesseract 5.3 rounds and clips them one at a time, a branch on
 * each one's sign (perf on the real photos: ~6 % of a worker's CPU). Here eight at a time (SSE2), the same
 * arithmetic: x * 127 in single precision, |that| + 0.5 truncated, the sign put back, clipped to -127..127.
 * A float-mode NetworkIO's copy is copied. The object's fields (NetworkIO: its float array, then its int8
 * array, each a GENERIC_2D_ARRAY: vtable, data, empty, dim1, dim2; then int_mode_) are read where
 * libtesseract 5.3 lays them out; until ompinline_intercept_stride_map() has checked the library's own
 * function against this one on objects built in that layout, each call goes to the library's own. */
struct array_2d {
    void *vtable;
    void *data;
    signed char empty;
    int dim1, dim2;
    int size_allocated;
};

struct network_io {
#ifndef OMPINLINE_OTHER_LAYOUT
    struct array_2d f, i;
#else /* a layout that is not libtesseract's: the check fails (a test) */
    struct array_2d i, f;
#endif
    _Bool int_mode;
};

#define WRITE_TIME_STEP_PART "_ZN9tesseract9NetworkIO17WriteTimeStepPartEiiiPKf"

typedef void (*write_part_fn)(struct network_io *, int, int, int, const float *);

static void *tess_write_part;
/* 1 once checked against the library's */
static int write_part_own;

#ifdef __SSE2__
#include <emmintrin.h>
#endif

static inline signed char to_int8(float x) {
    float v = x * 127.0f;
    int r = v >= 0.0f ? (int)(v + 0.5f) : -(int)(0.5f - v);
    r = r > 127 ? 127 : r;
    return (signed char)(r < -127 ? -127 : r);
}

static void write_part(struct network_io *io, int t, int offset, int num_features, const float *input) {
    int k = 0;
    if (!io->int_mode) {
        float *line = (float *)io->f.data + (long)(t * io->f.dim2) + offset;
        if (num_features > 0)
            memcpy(line, input, sizeof(float) * (size_t)num_features);
        return;
    }
    signed char *line = (signed char *)io->i.data + (long)(t * io->i.dim2) + offset;
#ifdef __SSE2__
    {
        const __m128 scale = _mm_set1_ps(127.0f), half = _mm_set1_ps(0.5f), zero = _mm_setzero_ps();
        const __m128 magnitude = _mm_castsi128_ps(_mm_set1_epi32(0x7fffffff));
        const __m128i hi = _mm_set1_epi16(127), lo = _mm_set1_epi16(-127);
        for (; k + 8 <= num_features; k += 8) {
            __m128i r[2];
            int j;
            for (j = 0; j < 2; j++) {
                __m128 v = _mm_mul_ps(_mm_loadu_ps(input + k + 4 * j), scale);
                /* v >= 0 as comiss tells it (false on NaN): those keep their sign, the others are negated */
                __m128i negative = _mm_castps_si128(_mm_cmpnge_ps(v, zero));
                __m128i n = _mm_cvttps_epi32(_mm_add_ps(_mm_and_ps(v, magnitude), half));
                r[j] = _mm_sub_epi32(_mm_xor_si128(n, negative), negative);
            }
            /* int32 -> int16 saturating (INT_MIN, a conversion's overflow, stays lowest), clipped, -> int8 */
            __m128i w = _mm_min_epi16(_mm_max_epi16(_mm_packs_epi32(r[0], r[1]), lo), hi);
            _mm_storel_epi64((__m128i *)(line + k), _mm_packs_epi16(w, w));
        }
    }
#endif
    for (; k < num_features; k++)
        line[k] = to_int8(input[k]);
}

void _ZN9tesseract9NetworkIO17WriteTimeStepPartEiiiPKf(struct network_io *io, int t, int offset, int num_features,
                                                       const float *input) {
    if (!__atomic_load_n(&write_part_own, __ATOMIC_ACQUIRE)) {
        write_part_fn own = (write_part_fn)stride_library(
            WRITE_TIME_STEP_PART, (void *)_ZN9tesseract9NetworkIO17WriteTimeStepPartEiiiPKf, &tess_write_part);
        if (own != NULL) {
            own(io, t, offset, num_features, input);
            return;
        }
    }
    write_part(io, t, offset, num_features, input);
}

/* whether the library's WriteTimeStepPart writes what write_part writes: both modes, rows and offsets,
 * lengths around the vector width, values across the range and past it (rounding halves, both signs, zeros) */
static int write_part_same(void) {
    enum { ROWS = 3, COLS = 40 };
    static const float special[] = {0.0f, -0.0f, 1.0f, -1.0f, 0.5f / 127, -0.5f / 127, 1.5f / 127, -1.5f / 127,
                                    2.0f, -2.0f, 1e9f, -1e9f, 0.996f, -0.996f, 1e-7f, -1e-7f};
    float input[COLS], fa[ROWS * COLS], fb[ROWS * COLS];
    signed char ia[ROWS * COLS], ib[ROWS * COLS];
    write_part_fn lib = (write_part_fn)tess_write_part;
    int mode, t, offset, n, k, seed = 12345;
    for (k = 0; k < COLS; k++) {
        seed = seed * 1103515245 + 12345;
        input[k] = k < (int)(sizeof special / sizeof *special) ? special[k]
                                                                : (float)((seed >> 8) & 0xffff) / 32768.0f - 1.0f;
    }
    for (mode = 0; mode < 2; mode++)
        for (t = 0; t < ROWS; t++)
            for (offset = 0; offset < 3; offset++)
                for (n = 0; n + offset <= COLS - 3 && n <= 21; n++) {
                    struct network_io a, b;
                    memset(&a, 0, sizeof a);
                    a.f.data = fa, a.f.dim1 = ROWS, a.f.dim2 = COLS;
                    a.i.data = ia, a.i.dim1 = ROWS, a.i.dim2 = COLS;
                    a.int_mode = (_Bool)mode;
                    b = a;
                    b.f.data = fb, b.i.data = ib;
                    memset(fa, 0, sizeof fa), memset(fb, 0, sizeof fb);
                    memset(ia, 0x55, sizeof ia), memset(ib, 0x55, sizeof ib);
                    lib(&a, t, offset, n, input + 3 + offset);
                    write_part(&b, t, offset, n, input + 3 + offset);
                    if (memcmp(fa, fb, sizeof fa) != 0 || memcmp(ia, ib, sizeof ia) != 0)
                        return 0;
                }
    return 1;
}

/* 1 when libtesseract's own WriteTimeStepPart was found and writes what this one writes (from now on this
 * one answers its calls); 0 otherwise (its own answers them, through this one) */
int ompinline_intercept_time_steps(void) {
    if (__atomic_load_n(&write_part_own, __ATOMIC_ACQUIRE))
        return 1;
    if (!stride_library(WRITE_TIME_STEP_PART, (void *)_ZN9tesseract9NetworkIO17WriteTimeStepPartEiiiPKf,
                        &tess_write_part) ||
        !write_part_same())
        return 0;
    __atomic_store_n(&write_part_own, 1, __ATOMIC_RELEASE);
    return 1;
}

/* A convolution layer's forward pass (tesseract::Convolve::Forward, the LSTM's first layer: every pixel of a
 * line's image stacked with its neighbours), its index steps made here, inline, not as two AddOffset calls
 * and an Increment through the PLT per pixel and neighbour (perf on the real photos, once the steps above
 * were answered here: AddOffset alone ~8 % of a worker's CPU). The same loop as libtesseract 5.3's, in the
 * same order: each neighbour copied from the input (CopyTimeStepGeneral) or, outside the line's image,
 * filled from the layer's randomizer (Randomize: the same draws in the same order), both libtesseract's own
 * functions; the same words, boxes and confidences. The layer's fields (Network: vtable, type, training,
 * backprop flag, flags, ni, no, weights, name, windows, randomizer; Convolve: half_x, half_y) are read where
 * libtesseract 5.3 built with libstdc++'s std::string (x86-64) lays them out, and nothing checks that layout
 * when the library is built: so
 * - it answers only on a libtesseract 5.3, once the index and time steps' checks above passed (the stride
 *   map's and the NetworkIO's layout) and libtesseract's own Convolve::Forward and Convolve vtable were found
 *   (ompinline_intercept_convolve); until then libtesseract's own Forward answers;
 * - each call first checks the layer as it reads it (convolve_fits: libtesseract's own Convolve vtable, the
 *   convolution's type, 0 <= half_x, half_y <= 16, ni the input's features, no = ni * (2 half_x + 1) *
 *   (2 half_y + 1), and after ResizeToMap the output's features no): a layer that fails goes to
 *   libtesseract's own Forward (a std::string of another size moves the randomizer and half_x, half_y);
 * - its first SHADOW_CALLS calls in a process are shadow runs: libtesseract's own Forward, its output and its
 *   randomizer's state (std::minstd_rand: 8 bytes) put aside, the randomizer put back, this loop, the two
 *   compared; on a difference libtesseract's own answers again from the same randomizer's state (its output
 *   and draws are the call's) and this loop is off for good in the process (ompinline_convolve_on: 0).
 * A 32-bit build (the layout differs) leaves it to libtesseract's own: nothing is defined. */
#if defined(__LP64__)
#include <stdlib.h>

#ifndef OMPINLINE_STRING_SIZE
#define OMPINLINE_STRING_SIZE 32 /* libstdc++'s std::string; 24 reads libc++'s layout (a test) */
#endif

struct network {
    void *vtable;
    int type, training;
    _Bool needs_to_backprop;
    int network_flags, ni, no, num_weights;
    char name[OMPINLINE_STRING_SIZE]; /* std::string */
    void *forward_win, *backward_win, *randomizer;
};

struct convolve {
    struct network network;
    int half_x, half_y;
};

struct network_io_map {
    struct network_io io;
    struct stride_map stride_map;
};

/* where libtesseract 5.3 (x86-64) reads them (its Convolve::Forward's and NetworkIO's code) */
_Static_assert(offsetof(struct network, type) == 8 && offsetof(struct network, ni) == 0x18 &&
                   offsetof(struct network, no) == 0x1c,
               "Network");
#if OMPINLINE_STRING_SIZE == 32
_Static_assert(offsetof(struct network, randomizer) == 0x58 && offsetof(struct convolve, half_x) == 0x60 &&
                   offsetof(struct convolve, half_y) == 0x64,
               "Convolve");
#endif
_Static_assert(offsetof(struct network_io, int_mode) == 0x40 && offsetof(struct network_io_map, stride_map) == 0x48,
               "NetworkIO");

#define CONVOLVE_FORWARD "_ZN9tesseract8Convolve7ForwardEbRKNS_9NetworkIOEPKNS_15TransposedArrayEPNS_14NetworkScratchEPS1_"
#define CONVOLVE_VTABLE "_ZTVN9tesseract8ConvolveE"
/* a Convolve's vtable pointer: its vtable's address past the offset to top and the type info */
#define VTABLE_ADDRESS_POINT 16
/* libtesseract 5.3's NetworkType of a convolution (NT_CONVOLVE: Convolve's constructor passes it) */
#define NT_CONVOLVE 2
/* the largest half window read as a layer's (libtesseract's models: 1) */
#define MAX_HALF 16
/* the calls per process that run both and compare (shadow runs) before this loop answers alone */
#define SHADOW_CALLS 3
/* a TRand's state (its std::minstd_rand, an unsigned long) */
#define RANDOMIZER_STATE 8

typedef void (*convolve_forward_fn)(struct convolve *, _Bool, const struct network_io_map *, const void *, void *,
                                    struct network_io_map *);
typedef void (*resize_to_map_fn)(struct network_io_map *, _Bool, const struct stride_map *, int);
typedef void (*randomize_fn)(struct network_io_map *, int, int, int, void *);
typedef void (*copy_general_fn)(struct network_io_map *, int, int, int, const struct network_io_map *, int, int);
typedef void (*display_forward_fn)(struct convolve *, const struct network_io_map *);

static void *tess_convolve_forward, *tess_resize_to_map, *tess_randomize, *tess_copy_general, *tess_display_forward,
    *tess_convolve_vtable;

/* who answers: libtesseract's own (until ompinline_intercept_convolve, and for good after a shadow run
 * differed), both (shadow runs), this loop */
enum { CONVOLVE_LIBRARY, CONVOLVE_SHADOW, CONVOLVE_INLINE };
static int convolve_mode;
/* 1 once a shadow run differed: never on again in this process */
static int convolve_failed;
/* shadow runs that gave what libtesseract's own gave */
static int convolve_checked;
/* calls this loop answered (shadow runs that passed included; a test reads it) */
static unsigned long convolve_calls;

unsigned long ompinline_convolve_calls(void) { return __atomic_load_n(&convolve_calls, __ATOMIC_RELAXED); }

/* 1 while this loop answers (or is checked in shadow runs), 0 while libtesseract's own does */
int ompinline_convolve_on(void) { return __atomic_load_n(&convolve_mode, __ATOMIC_ACQUIRE) != CONVOLVE_LIBRARY; }

static inline int io_features(const struct network_io *io) { return io->int_mode ? io->i.dim2 : io->f.dim2; }

/* whether the layer, read in this layout, is libtesseract 5.3's Convolve with an input of its ni features */
static int convolve_fits(const struct convolve *self, const struct network_io_map *input) {
    const struct network *net = &self->network;
    int half_x, half_y;
    if (net->vtable != (char *)tess_convolve_vtable + VTABLE_ADDRESS_POINT || net->type != NT_CONVOLVE)
        return 0;
    half_x = self->half_x, half_y = self->half_y;
    if (half_x < 0 || half_x > MAX_HALF || half_y < 0 || half_y > MAX_HALF)
        return 0;
    if (net->ni <= 0 || net->ni != io_features(&input->io))
        return 0;
    return (long)net->no == (long)net->ni * (2 * half_x + 1) * (2 * half_y + 1);
}

/* the layer's forward pass (convolve_fits passed); 0 when, output resized, its features are not the layer's
 * no (nothing else written: libtesseract's own Forward then answers, resizing it again) */
static int convolve_steps(struct convolve *self, const struct network_io_map *input, struct network_io_map *output) {
    resize_to_map_fn resize = (resize_to_map_fn)tess_resize_to_map;
    randomize_fn randomize = (randomize_fn)tess_randomize;
    copy_general_fn copy = (copy_general_fn)tess_copy_general;
    int ni, y_scale, half_x, half_y;
    void *randomizer;
    struct stride_index dest;
    resize(output, input->io.int_mode, &input->stride_map, self->network.no);
    if (io_features(&output->io) != self->network.no)
        return 0;
    ni = self->network.ni, half_x = self->half_x, half_y = self->half_y, randomizer = self->network.randomizer;
    y_scale = 2 * half_y + 1;
    dest.map = &output->stride_map, dest.t = 0;
    dest.indices[0] = dest.indices[1] = dest.indices[2] = 0;
    do {
        /* the neighbours' indices as AddOffset makes them (one dimension moved, t from all three) and their
         * validity as IsValid tells it, on scalars (copies of the index through memory stalled the loads) */
        const struct stride_map *map = dest.map;
        const int *inc = map->t_increments;
        int b = dest.indices[0], y0 = dest.indices[1], x0 = dest.indices[2];
        int max_b = max_index(&dest, 0), max_y = max_index(&dest, 1), max_x = max_index(&dest, 2);
        int batch_ok = b >= 0 && b <= max_b;
        int t = dest.t, out_ix = 0, x, y;
        for (x = -half_x; x <= half_x; ++x, out_ix += y_scale * ni) {
            int xx = x0 + x;
            if (!(batch_ok && y0 >= 0 && y0 <= max_y && xx >= 0 && xx <= max_x)) {
                randomize(output, t, out_ix, y_scale * ni, randomizer);
                continue;
            }
            for (y = -half_y; y <= half_y; ++y) {
                int yy = y0 + y;
#ifndef OMPINLINE_CONVOLVE_MIRRORED
                int out_iy = out_ix + (y + half_y) * ni;
#else /* each neighbour written where its mirror image in y goes: not libtesseract's (a test) */
                int out_iy = out_ix + (half_y - y) * ni;
#endif
                if (!(yy >= 0 && yy <= max_y))
                    randomize(output, t, out_iy, ni, randomizer);
                else
                    copy(output, t, out_iy, ni, input, inc[0] * b + inc[1] * yy + inc[2] * xx, 0);
            }
        }
    } while (increment(&dest));
    return 1;
}

/* an output's values: where, and how many bytes */
static const void *io_values(const struct network_io *io, size_t *size) {
    const struct array_2d *a = io->int_mode ? &io->i : &io->f;
    *size = (size_t)(long)a->dim1 * (size_t)(long)a->dim2 * (io->int_mode ? 1 : sizeof(float));
    return a->data;
}

/* a shadow run (see above): the call answered by libtesseract's own Forward, this loop's output compared */
__attribute__((noinline, cold)) static void convolve_shadow(struct convolve *self, _Bool debug,
                                                            const struct network_io_map *input,
                                                            const void *input_transpose, void *scratch,
                                                            struct network_io_map *output) {
    convolve_forward_fn own = (convolve_forward_fn)tess_convolve_forward;
    unsigned char before[RANDOMIZER_STATE], after[RANDOMIZER_STATE];
    unsigned char *randomizer = self->network.randomizer;
    struct network_io_map theirs;
    const void *values;
    void *copy;
    size_t size, ours_size;
    int same;
    if (!convolve_fits(self, input)) { /* no verdict: not a layer this loop would answer */
        own(self, debug, input, input_transpose, scratch, output);
        return;
    }
    if (randomizer != NULL)
        memcpy(before, randomizer, sizeof before);
    own(self, debug, input, input_transpose, scratch, output);
    values = io_values(&output->io, &size);
    copy = malloc(size ? size : 1);
    if (copy == NULL) /* no verdict: libtesseract's answer stands */
        return;
    memcpy(copy, values, size);
    theirs = *output; /* the sizes and the map's shape (the pointers' contents may move) */
    if (randomizer != NULL) {
        memcpy(after, randomizer, sizeof after);
        memcpy(randomizer, before, sizeof before);
    }
    same = convolve_steps(self, input, output);
    if (same) {
        values = io_values(&output->io, &ours_size);
        same = output->io.int_mode == theirs.io.int_mode && ours_size == size &&
               output->io.i.dim1 == theirs.io.i.dim1 && output->io.i.dim2 == theirs.io.i.dim2 &&
               output->io.f.dim1 == theirs.io.f.dim1 && output->io.f.dim2 == theirs.io.f.dim2 &&
               memcmp(output->stride_map.shape, theirs.stride_map.shape, sizeof theirs.stride_map.shape) == 0 &&
               memcmp(output->stride_map.t_increments, theirs.stride_map.t_increments,
                      sizeof theirs.stride_map.t_increments) == 0 &&
               memcmp(values, copy, size) == 0 &&
               (randomizer == NULL || memcmp(randomizer, after, sizeof after) == 0);
    }
    free(copy);
    if (same) {
        __atomic_add_fetch(&convolve_calls, 1, __ATOMIC_RELAXED);
        if (__atomic_add_fetch(&convolve_checked, 1, __ATOMIC_ACQ_REL) >= SHADOW_CALLS) {
            int shadow = CONVOLVE_SHADOW; /* not if another call's shadow run differed meanwhile */
            __atomic_compare_exchange_n(&convolve_mode, &shadow, CONVOLVE_INLINE, 0, __ATOMIC_ACQ_REL,
                                        __ATOMIC_ACQUIRE);
        }
        return;
    }
    /* off for good, and the call libtesseract's own again, from the randomizer's state it was given: its
     * output (resized again) and its draws */
    __atomic_store_n(&convolve_failed, 1, __ATOMIC_RELEASE);
    __atomic_store_n(&convolve_mode, CONVOLVE_LIBRARY, __ATOMIC_RELEASE);
    if (randomizer != NULL)
        memcpy(randomizer, before, sizeof before);
    own(self, 0, input, input_transpose, scratch, output); /* displayed (debug) already */
}

void _ZN9tesseract8Convolve7ForwardEbRKNS_9NetworkIOEPKNS_15TransposedArrayEPNS_14NetworkScratchEPS1_(
    struct convolve *self, _Bool debug, const struct network_io_map *input, const void *input_transpose,
    void *scratch, struct network_io_map *output) {
    convolve_forward_fn own;
    int mode = __atomic_load_n(&convolve_mode, __ATOMIC_ACQUIRE);
    if (__builtin_expect(mode == CONVOLVE_INLINE, 1)) {
        if (convolve_fits(self, input) && convolve_steps(self, input, output)) {
            __atomic_add_fetch(&convolve_calls, 1, __ATOMIC_RELAXED);
            if (debug) {
                display_forward_fn display = (display_forward_fn)tess_display_forward;
                display(self, output);
            }
            return;
        }
        own = (convolve_forward_fn)tess_convolve_forward; /* found before this loop was let answer */
    } else if (mode == CONVOLVE_SHADOW) {
        convolve_shadow(self, debug, input, input_transpose, scratch, output);
        return;
    } else {
        own = (convolve_forward_fn)stride_library(
            CONVOLVE_FORWARD,
            (void *)_ZN9tesseract8Convolve7ForwardEbRKNS_9NetworkIOEPKNS_15TransposedArrayEPNS_14NetworkScratchEPS1_,
            &tess_convolve_forward);
        /* not found cannot be: libtesseract's vtable was bound to this definition by the name its own
         * definition has, in an object this search walks */
        if (own == NULL)
            return;
    }
    own(self, debug, input, input_transpose, scratch, output);
}

/* 1 when libtesseract 5.3's Convolve::Forward, its Convolve vtable and the functions its Forward calls were
 * found and the index and time steps' checks passed (from now on this one answers its calls, its first ones
 * checked against libtesseract's own); 0 otherwise, or once a shadow run differed (its own answers them) */
int ompinline_intercept_convolve(void) {
    static void *version_fn;
    const char *(*version)(void);
    if (__atomic_load_n(&convolve_failed, __ATOMIC_ACQUIRE))
        return 0;
    if (__atomic_load_n(&convolve_mode, __ATOMIC_ACQUIRE) != CONVOLVE_LIBRARY)
        return 1;
    if (!__atomic_load_n(&stride_own, __ATOMIC_ACQUIRE) || !__atomic_load_n(&write_part_own, __ATOMIC_ACQUIRE))
        return 0;
    version = (const char *(*)(void))stride_library("TessVersion", NULL, &version_fn);
    if (version == NULL || strncmp(version(), "5.3.", 4) != 0)
        return 0;
    if (!stride_library(
            CONVOLVE_FORWARD,
            (void *)_ZN9tesseract8Convolve7ForwardEbRKNS_9NetworkIOEPKNS_15TransposedArrayEPNS_14NetworkScratchEPS1_,
            &tess_convolve_forward) ||
        !stride_library(CONVOLVE_VTABLE, NULL, &tess_convolve_vtable) ||
        !stride_library("_ZN9tesseract9NetworkIO11ResizeToMapEbRKNS_9StrideMapEi", NULL, &tess_resize_to_map) ||
        !stride_library("_ZN9tesseract9NetworkIO9RandomizeEiiiPNS_5TRandE", NULL, &tess_randomize) ||
        !stride_library("_ZN9tesseract9NetworkIO19CopyTimeStepGeneralEiiiRKS0_ii", NULL, &tess_copy_general) ||
        !stride_library("_ZN9tesseract7Network14DisplayForwardERKNS_9NetworkIOE", NULL, &tess_display_forward))
        return 0;
    {
        int off = CONVOLVE_LIBRARY; /* not if a shadow run differed meanwhile (it cannot: none ran) */
        __atomic_compare_exchange_n(&convolve_mode, &off, CONVOLVE_SHADOW, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
    }
    return !__atomic_load_n(&convolve_failed, __ATOMIC_ACQUIRE);
}
#else
/* 32-bit: the convolution is libtesseract's own (its Forward is not defined here) */
int ompinline_intercept_convolve(void) { return 0; }
unsigned long ompinline_convolve_calls(void) { return 0; }
int ompinline_convolve_on(void) { return 0; }
#endif
