/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-letter-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "fd-error.h"
#include "fd-letter-print.h"

/* The page, in points: a business letter on A4 with the recipient where a window
 * envelope shows it (DIN 5008's address field, 45 mm from the top). */
#define MARGIN_X        62.0
#define MARGIN_TOP      48.0
#define MARGIN_BOTTOM   56.0
#define ADDRESS_TOP    128.0
#define BODY_TOP_FIRST 300.0
#define BODY_TOP_NEXT   96.0
#define FOOTER_GAP      14.0

#define FONT            "DejaVu Sans, Sans"

static PangoLayout *
new_layout (PangoContext *context,
            const char   *text,
            const char   *font,
            double        width,
            PangoAlignment alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* The footer (opening hours) sits at the bottom of every page. */
static double
footer_top (PangoLayout *footer,
            double       height)
{
  return height - MARGIN_BOTTOM - layout_height (footer);
}

/* Which page each body line falls on and where: the page's body area runs from its top
 * to above the footer. */
typedef struct
{
  int    page;
  double y;      /* baseline, page coordinates */
} LinePlace;

static GArray *
place_body_lines (PangoLayout *body,
                  double       first_top,
                  double       next_top,
                  double       bottom,
                  int         *n_pages)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (LinePlace));
  PangoLayoutIter *iter = pango_layout_get_iter (body);
  double offset = first_top;   /* page y of the layout's y = 0 on the current page */
  int page = 0;

  do
    {
      int y0, y1;
      LinePlace place;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (offset + (double) y1 / PANGO_SCALE > bottom && offset + (double) y0 / PANGO_SCALE > (page == 0 ? first_top : next_top))
        {
          page++;
          offset = next_top - (double) y0 / PANGO_SCALE;
        }
      place.page = page;
      place.y = offset + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (places, place);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  *n_pages = page + 1;
  return places;
}

/* Everything a page needs, laid out with @context. */
typedef struct
{
  PangoLayout *name;
  PangoLayout *branch;
  PangoLayout *recipient;
  PangoLayout *reference;
  PangoLayout *date;
  PangoLayout *subject;
  PangoLayout *body;
  PangoLayout *footer;
  PangoLayout *continuation;
  GArray      *places;
  int          n_pages;
} Layouts;

static void
layouts_clear (Layouts *l)
{
  g_clear_object (&l->name);
  g_clear_object (&l->branch);
  g_clear_object (&l->recipient);
  g_clear_object (&l->reference);
  g_clear_object (&l->date);
  g_clear_object (&l->subject);
  g_clear_object (&l->body);
  g_clear_object (&l->footer);
  g_clear_object (&l->continuation);
  g_clear_pointer (&l->places, g_array_unref);
}

static void
layouts_init (Layouts      *l,
              FdLetter     *letter,
              PangoContext *context,
              double        width,
              double        height)
{
  double text_width = width - 2 * MARGIN_X;
  g_autofree char *continuation = g_strdup_printf ("%s — %s", fd_letter_get_branch_name (letter),
                                                   fd_letter_get_reference_line (letter));

  l->name = new_layout (context, fd_letter_get_branch_name (letter), FONT " Bold 17", text_width * 0.55, PANGO_ALIGN_LEFT);
  l->branch = new_layout (context, fd_letter_get_branch_lines (letter), FONT " 8.5", text_width * 0.45, PANGO_ALIGN_RIGHT);
  l->recipient = new_layout (context, fd_letter_get_recipient (letter), FONT " 10.5", text_width * 0.55, PANGO_ALIGN_LEFT);
  l->reference = new_layout (context, fd_letter_get_reference_line (letter), FONT " 9", text_width * 0.6, PANGO_ALIGN_LEFT);
  l->date = new_layout (context, fd_letter_get_date_line (letter), FONT " 9", text_width * 0.4, PANGO_ALIGN_RIGHT);
  l->subject = new_layout (context, fd_letter_get_subject (letter), FONT " Bold 11", text_width, PANGO_ALIGN_LEFT);
  l->body = new_layout (context, fd_letter_get_body (letter), FONT " 10", text_width, PANGO_ALIGN_LEFT);
  pango_layout_set_spacing (l->body, 2 * PANGO_SCALE);
  l->footer = new_layout (context, fd_letter_get_footer (letter), FONT " 7.5", text_width, PANGO_ALIGN_CENTER);
  l->continuation = new_layout (context, continuation, FONT " 8.5", text_width, PANGO_ALIGN_LEFT);

  l->places = place_body_lines (l->body,
                                BODY_TOP_FIRST + (*fd_letter_get_subject (letter) ? layout_height (l->subject) + 14 : 0),
                                BODY_TOP_NEXT, footer_top (l->footer, height) - FOOTER_GAP, &l->n_pages);
}

static PangoContext *
measuring_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);

  pango_cairo_context_set_resolution (context, 72.0);
  return context;
}

int
fd_letter_print_count_pages (FdLetter *letter,
                             double    width,
                             double    height)
{
  PangoContext *context;
  Layouts l = { 0 };
  int n;

  g_return_val_if_fail (FD_IS_LETTER (letter), 0);

  context = measuring_context ();
  layouts_init (&l, letter, context, width, height);
  n = l.n_pages;
  layouts_clear (&l);
  g_object_unref (context);
  return n;
}

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_letterhead (cairo_t *cr,
                 Layouts *l,
                 double   width)
{
  double rule_y = MARGIN_TOP + MAX (layout_height (l->name), layout_height (l->branch)) + 10;

  cairo_set_source_rgb (cr, 0.11, 0.25, 0.45);
  show (cr, l->name, MARGIN_X, MARGIN_TOP);
  cairo_set_source_rgb (cr, 0.33, 0.33, 0.36);
  show (cr, l->branch, width - MARGIN_X - pango_layout_get_width (l->branch) / (double) PANGO_SCALE, MARGIN_TOP + 2);

  cairo_set_source_rgb (cr, 0.11, 0.25, 0.45);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, MARGIN_X, rule_y);
  cairo_line_to (cr, width - MARGIN_X, rule_y);
  cairo_stroke (cr);
}

static void
draw_footer (cairo_t *cr,
             Layouts *l,
             double   width,
             double   height)
{
  double top = footer_top (l->footer, height);

  cairo_set_source_rgb (cr, 0.75, 0.75, 0.78);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, top - 6);
  cairo_line_to (cr, width - MARGIN_X, top - 6);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.33, 0.33, 0.36);
  show (cr, l->footer, MARGIN_X, top);
}

static void
draw_body (cairo_t *cr,
           Layouts *l,
           int      page)
{
  PangoLayoutIter *iter = pango_layout_get_iter (l->body);
  guint i = 0;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  do
    {
      const LinePlace *place = &g_array_index (l->places, LinePlace, i++);

      if (place->page == page)
        {
          cairo_move_to (cr, MARGIN_X, place->y);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
fd_letter_print_draw_page (FdLetter *letter,
                           cairo_t  *cr,
                           double    width,
                           double    height,
                           int       page)
{
  PangoContext *context;
  Layouts l = { 0 };

  g_return_if_fail (FD_IS_LETTER (letter));

  /* Lay out with this cairo's font options, at 72 units per inch: points, as counted. */
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72.0);
  layouts_init (&l, letter, context, width, height);

  cairo_save (cr);
  if (page == 0)
    {
      draw_letterhead (cr, &l, width);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show (cr, l.recipient, MARGIN_X, ADDRESS_TOP);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.28);
      show (cr, l.reference, MARGIN_X, BODY_TOP_FIRST - 40);
      show (cr, l.date, width - MARGIN_X - pango_layout_get_width (l.date) / (double) PANGO_SCALE, BODY_TOP_FIRST - 40);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show (cr, l.subject, MARGIN_X, BODY_TOP_FIRST);
    }
  else
    {
      g_autofree char *number = g_strdup_printf ("%d / %d", page + 1, l.n_pages);
      PangoLayout *count = new_layout (context, number, FONT " 8.5", width - 2 * MARGIN_X, PANGO_ALIGN_RIGHT);

      cairo_set_source_rgb (cr, 0.33, 0.33, 0.36);
      show (cr, l.continuation, MARGIN_X, MARGIN_TOP);
      show (cr, count, MARGIN_X, MARGIN_TOP);
      g_object_unref (count);
    }
  draw_body (cr, &l, page);
  draw_footer (cr, &l, width, height);
  cairo_restore (cr);
  layouts_clear (&l);
  g_object_unref (context);
}

gboolean
fd_letter_print_write_pdf (FdLetter    *letter,
                           const char  *path,
                           GError     **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int n_pages;

  g_return_val_if_fail (FD_IS_LETTER (letter), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n_pages = fd_letter_print_count_pages (letter, FD_LETTER_A4_WIDTH, FD_LETTER_A4_HEIGHT);
  surface = cairo_pdf_surface_create (path, FD_LETTER_A4_WIDTH, FD_LETTER_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, fd_letter_get_subject (letter));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Frontdesk");
  cr = cairo_create (surface);
  for (int page = 0; page < n_pages; page++)
    {
      fd_letter_print_draw_page (letter, cr, FD_LETTER_A4_WIDTH, FD_LETTER_A4_HEIGHT, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FD_ERROR, FD_ERROR_FAILED,
                   /* Translators: a file name, then cairo's reason */
                   _("The letter could not be written to “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
