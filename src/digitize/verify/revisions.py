"""What changed between a signed revision and the final document, as a reader sees it.

pyHanko's difference analysis judges the *objects* of incremental updates; these checks judge what a person
sees (after the EU DSS checks of the same names):

- page difference: pages added or removed after signing;
- visual difference: the page content (annotations left out) rendered from the signed revision and from the
  final document, compared pixel by pixel at low resolution;
- annotation overlap: an annotation added after signing whose rectangle covers signed page content (ink in the
  signed rendering), other than the widget of a signature field.

Renders use pypdfium2 (PDFium) on the bytes of each revision, so an incremental update that hides, replaces or
adds content shows up even when its objects look harmless.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
import pikepdf
import pypdfium2 as pdfium

RENDER_DPI = 40
MAX_COMPARED_PAGES = 60
INK_LEVEL = 200  # grey value below which a pixel counts as ink
DIFF_LEVEL = 48  # grey difference that counts as a changed pixel
MIN_CHANGED_PIXELS = 6
OVERLAP_INK_FRACTION = 0.02


@dataclass(frozen=True)
class Annot:
    page: int
    key: tuple[int, int]
    subtype: str
    rect: tuple[float, float, float, float]
    hidden: bool
    signature_widget: bool

    @property
    def area(self) -> float:
        x0, y0, x1, y1 = self.rect
        return max(0.0, x1 - x0) * max(0.0, y1 - y0)


@dataclass
class RevisionDiff:
    pages_signed: int | None = None
    pages_final: int | None = None
    changed_pages: list[int] = field(default_factory=list)  # 1-based page numbers with visible content change
    new_annotations: list[Annot] = field(default_factory=list)
    overlapping: list[Annot] = field(default_factory=list)
    # pages of the final document where two visible annotations overlap (EU DSS's "annotation overlap",
    # a warning there as here; a shared border is no overlap)
    annotation_overlap_pages: list[int] = field(default_factory=list)
    replaced_fields: list[str] = field(default_factory=list)  # text fields whose signed value was replaced
    # widgets redrawn without a value change; widgets whose field value changed
    appearance_changed_pages: list[int] = field(default_factory=list)
    changed_widgets: list[tuple[int, int]] = field(default_factory=list)
    compared_pages: int = 0
    error: str | None = None
    # kinds of the objects the later updates added or changed (classify_update), when it was asked
    update_kinds: frozenset[str] | None = None

    @property
    def page_count_changed(self) -> bool:
        return (
            self.pages_signed is not None
            and self.pages_final is not None
            and self.pages_signed != self.pages_final
        )

    @property
    def visible_change(self) -> bool:
        return (
            self.page_count_changed
            or bool(self.changed_pages)
            or bool(self.replaced_fields)
            or bool(self.appearance_changed_pages)
        )


class Document:
    """One revision (or the final file): page renders and annotations, computed on demand and cached."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._pdf: pdfium.PdfDocument | None = None
        self._renders: dict[int, np.ndarray] = {}
        self._annot_renders: dict[int, np.ndarray] = {}
        self._form_pdf: pdfium.PdfDocument | None = None
        self._widget_values: dict[tuple[int, int], str] | None = None
        self._annots: list[list[Annot]] | None = None
        self._text_fields: dict[tuple[int, int], tuple[str, str]] | None = None
        self._page_sizes: dict[int, tuple[float, float]] = {}

    @property
    def pdf(self) -> pdfium.PdfDocument:
        if self._pdf is None:
            self._pdf = pdfium.PdfDocument(self.data)
        return self._pdf

    def page_count(self) -> int:
        return len(self.pdf)

    def page_size(self, index: int) -> tuple[float, float]:
        if index not in self._page_sizes:
            page = self.pdf[index]
            self._page_sizes[index] = (page.get_width(), page.get_height())
            page.close()
        return self._page_sizes[index]

    def render(self, index: int) -> np.ndarray:
        """Page content only (no annotations, no form widgets), grey, RENDER_DPI."""
        if index not in self._renders:
            page = self.pdf[index]
            bitmap = page.render(
                scale=RENDER_DPI / 72, draw_annots=False, grayscale=True, may_draw_forms=False
            )
            img = bitmap.to_numpy()
            if img.ndim == 3:
                img = img[..., :3].mean(axis=2) if img.shape[2] >= 3 else img[..., 0]
            self._renders[index] = np.asarray(img, dtype=np.int16)
            page.close()
        return self._renders[index]

    def render_with_annotations(self, index: int) -> np.ndarray:
        """Page content and annotation appearances (as stored, no form regeneration), grey, RENDER_DPI."""
        if index not in self._annot_renders:
            if self._form_pdf is None:
                self._form_pdf = pdfium.PdfDocument(self.data)
                self._form_pdf.init_forms()
            page = self._form_pdf[index]
            bitmap = page.render(scale=RENDER_DPI / 72, draw_annots=True, grayscale=True, may_draw_forms=True)
            img = bitmap.to_numpy()
            if img.ndim == 3:
                img = img[..., :3].mean(axis=2) if img.shape[2] >= 3 else img[..., 0]
            self._annot_renders[index] = np.asarray(img, dtype=np.int16)
            page.close()
        return self._annot_renders[index]

    def widget_values(self) -> dict[tuple[int, int], str]:
        """Every widget annotation: object id -> its field's value and appearance state."""
        if self._widget_values is None:
            self._widget_values = _read_widget_values(self.data)
        return self._widget_values

    def annotations(self) -> list[list[Annot]]:
        if self._annots is None:
            self._annots = _read_annotations(self.data)
        return self._annots

    def text_fields(self) -> dict[tuple[int, int], tuple[str, str]]:
        """Text form fields reachable from page widgets: object id -> (name, value)."""
        if self._text_fields is None:
            self._text_fields = _read_text_fields(self.data)
        return self._text_fields

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
        if self._form_pdf is not None:
            self._form_pdf.close()
            self._form_pdf = None


def _num(v: object) -> float:
    try:
        return float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0


def _read_annotations(data: bytes) -> list[list[Annot]]:
    pages: list[list[Annot]] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for pno, page in enumerate(pdf.pages):
            found: list[Annot] = []
            try:
                annots = page.obj.get("/Annots")
                items = list(annots) if isinstance(annots, pikepdf.Array) else []
            except Exception:  # a broken /Annots array is no annotation
                items = []
            for a in items:
                try:
                    if not isinstance(a, pikepdf.Dictionary):
                        continue
                    rect_obj = a.get("/Rect")
                    if not isinstance(rect_obj, pikepdf.Array) or len(rect_obj) != 4:
                        continue
                    x0, y0, x1, y1 = (_num(v) for v in rect_obj)
                    rect = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
                    flags = int(a.get("/F", 0)) if isinstance(a.get("/F", 0), int | pikepdf.Object) else 0
                    subtype = str(a.get("/Subtype", ""))
                    ft = a.get("/FT")
                    if ft is None and isinstance(a.get("/Parent"), pikepdf.Dictionary):
                        ft = a.Parent.get("/FT")
                    key = a.objgen if a.is_indirect else (-1, len(found))
                    found.append(
                        Annot(
                            page=pno,
                            key=key,
                            subtype=subtype,
                            rect=rect,
                            hidden=bool(flags & 2) or bool(flags & 32),
                            signature_widget=subtype == "/Widget" and str(ft) == "/Sig",
                        )
                    )
                except Exception:
                    continue
            pages.append(found)
    return pages


def _read_text_fields(data: bytes) -> dict[tuple[int, int], tuple[str, str]]:
    out: dict[tuple[int, int], tuple[str, str]] = {}
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            annots = page.obj.get("/Annots")
            if not isinstance(annots, pikepdf.Array):
                continue
            for a in annots:
                try:
                    if not isinstance(a, pikepdf.Dictionary) or str(a.get("/Subtype")) != "/Widget":
                        continue
                    node = (
                        a if "/T" in a or not isinstance(a.get("/Parent"), pikepdf.Dictionary) else a.Parent
                    )
                    ft = node.get("/FT", a.get("/FT"))
                    if str(ft) != "/Tx" or not node.is_indirect:
                        continue
                    v = node.get("/V")
                    value = str(v) if isinstance(v, pikepdf.String) else ""
                    out[node.objgen] = (str(node.get("/T", "")), value)
                except Exception:
                    continue
    return out


def _read_widget_values(data: bytes) -> dict[tuple[int, int], str]:
    out: dict[tuple[int, int], str] = {}
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            annots = page.obj.get("/Annots")
            if not isinstance(annots, pikepdf.Array):
                continue
            for a in annots:
                try:
                    if not isinstance(a, pikepdf.Dictionary) or not a.is_indirect:
                        continue
                    if str(a.get("/Subtype")) != "/Widget":
                        continue
                    node = (
                        a if "/V" in a or not isinstance(a.get("/Parent"), pikepdf.Dictionary) else a.Parent
                    )
                    out[a.objgen] = f"{node.get('/V')!r}|{a.get('/AS')!r}"
                except Exception:
                    continue
    return out


def _rect_to_pixels(
    rect: tuple[float, float, float, float], box: tuple[float, float, float, float], shape: tuple[int, ...]
) -> tuple[int, int, int, int]:
    scale = RENDER_DPI / 72
    left, _bottom, _right, top = box
    x0, y0, x1, y1 = rect
    c0 = max(0, int((x0 - left) * scale) - 1)
    c1 = min(shape[1], int((x1 - left) * scale + 0.999) + 1)
    r0 = max(0, int((top - y1) * scale) - 1)
    r1 = min(shape[0], int((top - y0) * scale + 0.999) + 1)
    return r0, r1, c0, c1


def _appearance_changes(signed: Document, final: Document, diff: RevisionDiff, n: int) -> None:
    """Pages whose annotation appearances changed where no field value changed and no annotation was added."""
    before_vals = signed.widget_values()
    after_vals = final.widget_values()
    after_annots = final.annotations()
    for i in range(n):
        a, b = signed.render_with_annotations(i), final.render_with_annotations(i)
        if a.shape != b.shape:
            continue
        mask = np.abs(a - b) > DIFF_LEVEL
        if not mask.any():
            continue
        w_pt, h_pt = final.page_size(i)
        box = (0.0, 0.0, w_pt, h_pt)  # page coordinates as rendered (PDFium's effective page size)
        excluded = [x for x in diff.new_annotations if x.page == i]
        for annot in after_annots[i] if i < len(after_annots) else []:
            if annot.signature_widget:
                excluded.append(annot)
            elif annot.subtype == "/Widget" and before_vals.get(annot.key) != after_vals.get(annot.key):
                excluded.append(annot)  # a field filled in after signing: form filling, judged elsewhere
        for annot in excluded:
            r0, r1, c0, c1 = _rect_to_pixels(annot.rect, box, mask.shape)
            mask[r0:r1, c0:c1] = False
        if int(np.count_nonzero(mask)) >= max(MIN_CHANGED_PIXELS, mask.size // 5000):
            diff.appearance_changed_pages.append(i + 1)


def compare(signed: Document, final: Document) -> RevisionDiff:
    """Page difference, visual difference and annotation overlap between a signed revision and the final."""
    diff = RevisionDiff()
    try:
        diff.pages_signed = signed.page_count()
        diff.pages_final = final.page_count()
    except Exception as exc:
        diff.error = f"render: {exc}"
        return diff
    n = min(diff.pages_signed, diff.pages_final, MAX_COMPARED_PAGES)
    try:
        for i in range(n):
            a, b = signed.render(i), final.render(i)
            diff.compared_pages += 1
            if a.shape != b.shape:
                diff.changed_pages.append(i + 1)
                continue
            changed = int(np.count_nonzero(np.abs(a - b) > DIFF_LEVEL))
            if changed >= max(MIN_CHANGED_PIXELS, a.size // 5000):
                diff.changed_pages.append(i + 1)
    except Exception as exc:
        diff.error = f"render: {exc}"
    try:
        before = signed.annotations()
        after = final.annotations()
        for i in range(min(len(before), len(after))):
            old = {(x.key, tuple(round(v, 1) for v in x.rect)) for x in before[i]}
            for annot in after[i]:
                if (annot.key, tuple(round(v, 1) for v in annot.rect)) in old:
                    continue
                diff.new_annotations.append(annot)
                if annot.hidden or annot.signature_widget or annot.area <= 1 or i >= MAX_COMPARED_PAGES:
                    continue
                if _covers_ink(signed, i, annot):
                    diff.overlapping.append(annot)
        for i, page_annots in enumerate(after):
            shown = [x for x in page_annots if not x.hidden and x.area > 1]
            for j, x in enumerate(shown):
                if any(_strictly_overlap(x, y) for y in shown[j + 1 :]):
                    diff.annotation_overlap_pages.append(i + 1)
                    break
    except Exception as exc:
        diff.error = (diff.error + "; " if diff.error else "") + f"annotations: {exc}"
    try:
        before_vals, after_vals = signed.widget_values(), final.widget_values()
        diff.changed_widgets = [k for k, v in after_vals.items() if k in before_vals and before_vals[k] != v]
    except Exception as exc:
        diff.error = (diff.error + "; " if diff.error else "") + f"widgets: {exc}"
    try:
        if not diff.changed_pages:
            _appearance_changes(signed, final, diff, n)
    except Exception as exc:
        diff.error = (diff.error + "; " if diff.error else "") + f"appearances: {exc}"
    try:
        before_fields = signed.text_fields()
        for key, (name, value) in final.text_fields().items():
            prior = before_fields.get(key)
            if prior is not None and prior[1].strip() and prior[1] != value:
                diff.replaced_fields.append(name or f"{key[0]} {key[1]} R")
    except Exception as exc:
        diff.error = (diff.error + "; " if diff.error else "") + f"fields: {exc}"
    return diff


def _strictly_overlap(a: Annot, b: Annot) -> bool:
    """Rectangles share an area (touching borders, within half a point, do not count)."""
    ax0, ay0, ax1, ay1 = a.rect
    bx0, by0, bx1, by1 = b.rect
    return min(ax1, bx1) - max(ax0, bx0) > 0.5 and min(ay1, by1) - max(ay0, by0) > 0.5


def _covers_ink(doc: Document, index: int, annot: Annot) -> bool:
    img = doc.render(index)
    _w, h_pt = doc.page_size(index)
    scale = RENDER_DPI / 72
    left, top = 0.0, h_pt  # PDFium's effective page size (inherited boxes resolved)
    x0, y0, x1, y1 = annot.rect
    c0 = max(0, int((x0 - left) * scale))
    c1 = min(img.shape[1], int((x1 - left) * scale + 0.999))
    r0 = max(0, int((top - y1) * scale))
    r1 = min(img.shape[0], int((top - y0) * scale + 0.999))
    if c1 <= c0 or r1 <= r0:
        return False
    region = img[r0:r1, c0:c1]
    ink = int(np.count_nonzero(region < INK_LEVEL))
    return ink >= max(3, int(region.size * OVERLAP_INK_FRACTION))


# ------------------------------------------------------------------------------------------------------
# What kind of objects an incremental update touched (for changes pyHanko cannot classify)
# ------------------------------------------------------------------------------------------------------
CATALOG_KEYS_OK = {"/DSS", "/AcroForm", "/Metadata", "/StructTreeRoot", "/MarkInfo", "/Perms", "/Extensions"}
PAGE_KEYS_OK = {"/Annots", "/StructParents"}
ACROFORM_KEYS_OK = {"/Fields", "/SigFlags", "/DR", "/DA", "/NeedAppearances"}
STRUCT_TYPES = {"/StructTreeRoot", "/StructElem", "/MCR", "/OBJR", "/MarkInfo"}


def _body(o: pikepdf.Object) -> bytes:
    if isinstance(o, pikepdf.Stream):
        return bytes(o.stream_dict.unparse()) + o.read_raw_bytes()
    return bytes(o.unparse())


def _changed_keys(old: pikepdf.Object, new: pikepdf.Object) -> set[str]:
    keys = set(old.keys()) | set(new.keys())
    return {
        k for k in keys if k not in old or k not in new or bytes(old[k].unparse()) != bytes(new[k].unparse())
    }


BACK_LINKS = {"/Parent", "/P", "/Prev", "/Last", "/First", "/Next", "/Dest", "/StructParent", "/Pg"}
# worst first: an object reached from several places counts as the worst of them
ROLE_ORDER = ("other", "annotation", "form", "signature", "structure", "metadata", "dss")


def _roles(pdf: pikepdf.Pdf, limit: int) -> dict[tuple[int, int], str]:
    """For every object reachable from the catalog, the role of the place it is used (the worst if several):
    DSS, structure tree, XMP metadata, signature fields and their appearances, other form fields,
    annotations, everything else (page content, resources, fonts ...) is "other"."""
    roles: dict[tuple[int, int], str] = {}
    stack: list[tuple[pikepdf.Object, str]] = []
    root = pdf.Root
    page_ids = {p.obj.objgen for p in pdf.pages}
    pages_root = root.get("/Pages")
    if isinstance(pages_root, pikepdf.Dictionary) and pages_root.is_indirect:
        roles[pages_root.objgen] = "other"
    place = {"/DSS": "dss", "/StructTreeRoot": "structure", "/Metadata": "metadata", "/MarkInfo": "structure"}
    for key, value in root.items():
        if key == "/Pages":
            continue
        if key == "/Names" and isinstance(value, pikepdf.Dictionary):
            # named appearance streams of annotation icons (/AP) are annotations; scripts, files ... are not
            stack.extend((v, "annotation" if k == "/AP" else "other") for k, v in value.items())
            continue
        stack.append((value, place.get(key, "acroform" if key == "/AcroForm" else "other")))
    for page in pdf.pages:
        po = page.obj
        annots = po.get("/Annots")
        for key, value in po.items():
            if key in BACK_LINKS or key == "/Annots":
                continue
            stack.append((value, "other"))
        if isinstance(annots, pikepdf.Array):
            if annots.is_indirect:
                stack.append((annots, "annotation"))
            for a in annots:
                stack.append((a, _element_kind(a)))
    seen = 0
    while stack:
        o, role = stack.pop()
        if not isinstance(o, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)):
            continue
        seen += 1
        if seen > limit * 20:
            break
        if role == "acroform":
            if isinstance(o, pikepdf.Dictionary):
                for key, value in o.items():
                    if key == "/Fields" and isinstance(value, pikepdf.Array):
                        if value.is_indirect:
                            stack.append((value, "form"))
                        stack.extend((f, _element_kind(f)) for f in value)
                    else:
                        stack.append((value, "other" if key != "/DR" else "form"))
            continue
        if o.is_indirect:
            og = o.objgen
            if og in page_ids:
                continue  # pages are judged key by key in classify_update
            if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/Pages":
                roles[og] = "other"  # the page tree itself: pages added, removed or reordered
                continue
            old = roles.get(og)
            if old is not None and ROLE_ORDER.index(old) <= ROLE_ORDER.index(role):
                continue
            roles[og] = role
        if isinstance(o, pikepdf.Stream):
            children = list(o.stream_dict.items())
        elif isinstance(o, pikepdf.Dictionary):
            children = list(o.items())
        elif isinstance(o, pikepdf.Array):
            children = [("", x) for x in o]
        else:
            continue
        for key, value in children:
            if key in BACK_LINKS or isinstance(value, (int, float, bool, str)) or value is None:
                continue
            if isinstance(value, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)):
                stack.append((value, role))
    return roles


def classify_update(
    signed: bytes, final: bytes, limit: int = 20_000, own: tuple[int, int] | None = None
) -> frozenset[str]:
    """Kinds of the objects added or changed after ``signed`` in ``final``, by where the final document uses
    them: "signature" (signature and timestamp fields, their appearances, field locks), "dss" (DSS/VRI, the
    certificates, CRLs and OCSP responses), "metadata" (XMP), "structure" (structure tree), "annotation",
    "form" (other fields) and "other" (pages, content, resources, fonts ...). Objects nothing uses (orphans,
    xref and object streams) do not count: they cannot change what a reader sees. When ``own`` (the
    signature's own dictionary) was rewritten after signing, "replaced_signature" is among the kinds."""
    kinds: set[str] = set()
    with pikepdf.open(io.BytesIO(signed)) as old, pikepdf.open(io.BytesIO(final)) as new:
        if len(new.objects) > limit:
            return frozenset({"other"})
        old_objs: dict[tuple[int, int], pikepdf.Object] = {}
        for o in old.objects:
            og = getattr(o, "objgen", (0, 0))
            if og != (0, 0):
                old_objs[og] = o
        roles = _roles(new, limit)
        root_id = new.Root.objgen
        page_ids = {p.obj.objgen for p in new.pages}
        acroform = new.Root.get("/AcroForm")
        acro_id = (
            acroform.objgen if isinstance(acroform, pikepdf.Dictionary) and acroform.is_indirect else None
        )
        names = new.Root.get("/Names")
        names_id = names.objgen if isinstance(names, pikepdf.Dictionary) and names.is_indirect else None
        for o in new.objects:
            og = getattr(o, "objgen", (0, 0))
            if og == (0, 0) or o is None:
                continue
            prev = old_objs.get(og)
            try:
                if prev is not None and _body(prev) == _body(o):
                    continue
            except Exception:
                kinds.add("other")
                continue
            if og == own:
                kinds.add("replaced_signature")
            elif og == root_id:
                changed = _changed_keys(prev, o) if isinstance(prev, pikepdf.Dictionary) else {"?"}
                kinds.add("structure" if changed <= CATALOG_KEYS_OK else "other")
            elif og == acro_id:
                changed = _changed_keys(prev, o) if isinstance(prev, pikepdf.Dictionary) else set(o.keys())
                kinds.add("signature" if changed <= ACROFORM_KEYS_OK else "other")
            elif og in page_ids:
                changed = _changed_keys(prev, o) if isinstance(prev, pikepdf.Dictionary) else {"?"}
                kinds.add("signature" if changed <= PAGE_KEYS_OK else "other")
            elif og == names_id:
                changed = _changed_keys(prev, o) if isinstance(prev, pikepdf.Dictionary) else set(o.keys())
                kinds.add("annotation" if changed <= {"/AP"} else "other")
            elif og in roles and roles[og] == "other" and _numbers_only(o):
                kinds.add("layout")  # a box or matrix: if it changed anything, the renders differ
            elif og in roles:
                role = roles[og]
                if role == "form" and isinstance(o, pikepdf.Array):
                    role = _array_kind(o, prev)
                kinds.add(role)
    return frozenset(kinds)


def _numbers_only(o: pikepdf.Object) -> bool:
    return isinstance(o, pikepdf.Array) and all(isinstance(x, (int, float, Decimal)) for x in o)


def _array_kind(o: pikepdf.Array, prev: pikepdf.Object | None) -> str:
    before = {bytes(x.unparse()) for x in prev} if isinstance(prev, pikepdf.Array) else set()
    added = [x for x in o if bytes(x.unparse()) not in before]
    kinds = {_element_kind(x) for x in added} or {"signature"}
    return kinds.pop() if len(kinds) == 1 else "other"


def _element_kind(x: pikepdf.Object) -> str:
    """An element of an /Annots or /Fields array."""
    if not isinstance(x, pikepdf.Dictionary):
        return "other"
    parent = x.get("/Parent")
    ft = x.get("/FT", parent.get("/FT") if isinstance(parent, pikepdf.Dictionary) else None)
    if str(ft) == "/Sig":
        return "signature"
    if str(x.get("/Subtype", "")) == "/Widget" or "/FT" in x:
        return "form"
    return "annotation" if "/Rect" in x else "other"
