/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fd-error.h"
#include "fd-reply-template.h"
#include "fd-test-util.h"

/* A claim's correspondence, reply templates in every language, full-text search, claim
 * updates with their history, filtered keyset lists and letters. */

typedef struct
{
  StoreFixture base;
  gint64       branch_id;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(FdBranch) draft = fd_branch_new ();
  g_autoptr(FdBranch) branch = NULL;

  store_fixture_set_up (&fixture->base, data);
  fd_branch_set_name (draft, "Beograd Centar");
  fd_branch_set_country (draft, "RS");
  fd_branch_set_address (draft, "Knez Mihailova 12\n11000 Beograd");
  fd_branch_set_phone (draft, "+381 11 123 4567");
  branch = fd_store_add_branch (fixture->base.store, draft, NULL);
  g_assert_nonnull (branch);
  fixture->branch_id = fd_branch_get_id (branch);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  store_fixture_tear_down (&fixture->base, data);
}

static FdCustomer *
customer_in (FdStore    *store,
             const char *given,
             const char *family,
             const char *language)
{
  g_autoptr(FdCustomer) draft = fd_customer_new ();
  g_autoptr(GError) error = NULL;
  FdCustomer *saved;

  fd_customer_set_given_name (draft, given);
  fd_customer_set_family_name (draft, family);
  fd_customer_set_language (draft, language);
  fd_customer_set_address (draft, "Bulevar oslobođenja 7\n21000 Novi Sad");
  saved = fd_store_add_customer (store, draft, &error);
  g_assert_no_error (error);
  return saved;
}

static FdClaim *
open_for (Fixture    *fixture,
          FdCustomer *customer,
          FdClaimKind kind,
          const char *summary)
{
  FdClaimDraft draft = { fixture->branch_id, fd_customer_get_id (customer), kind, "email",
                         "poor_service", FD_CLAIM_PRIORITY_NORMAL, summary, 0, 0 };
  g_autoptr(GError) error = NULL;
  FdClaim *claim = fd_store_open_claim (fixture->base.store, &draft, &error);

  g_assert_no_error (error);
  return claim;
}

/* Every template fills in every language: no placeholder left, the reference, the
 * customer's name and the branch's address in the text, and the language's own words. */
static void
test_templates_every_language (Fixture       *fixture,
                               gconstpointer  data)
{
  static const struct { const char *language; const char *word; } expect[] = {
    { "en", "Dear" }, { "nl", "Beste" }, { "sr", "Поштовани" }, { "sr@latin", "Poštovani" }, { "lv", "Labdien" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_autoptr(FdCustomer) customer = customer_in (fixture->base.store, "Đorđe", "Petrović", expect[i].language);
      g_autoptr(FdClaim) claim = open_for (fixture, customer, FD_CLAIM_KIND_COMPLAINT, "Rude at the desk");

      for (const char * const *code = fd_reply_template_codes (); *code; code++)
        {
          g_autofree char *subject = NULL;
          g_autofree char *body = NULL;
          g_autoptr(GError) error = NULL;

          g_assert_true (fd_store_fill_reply (fixture->base.store, fd_claim_get_id (claim), *code, NULL,
                                              &subject, &body, &error));
          g_assert_no_error (error);
          g_assert_nonnull (strstr (subject, fd_claim_get_reference (claim)));
          g_assert_nonnull (strstr (body, fd_claim_get_reference (claim)));
          g_assert_nonnull (strstr (body, "Đorđe Petrović"));
          g_assert_nonnull (strstr (body, expect[i].word));
          g_assert_null (strchr (body, '{'));
          g_assert_null (strchr (subject, '{'));
          if (!g_str_equal (*code, "compliment_thanks"))
            g_assert_nonnull (strstr (body, "Knez Mihailova 12, 11000 Beograd"));
          /* Serbian Latin has no Cyrillic letter left. */
          if (g_str_equal (expect[i].language, "sr@latin"))
            for (const char *p = body; *p; p = g_utf8_next_char (p))
              g_assert_false (g_utf8_get_char (p) >= 0x0400 && g_utf8_get_char (p) <= 0x04FF);
        }
    }
}

static void
test_template_override_and_check (Fixture       *fixture,
                                  gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  g_assert_false (fd_store_set_reply_template (store, "acknowledgement", "nl", "x", "Beste {klant}", &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fd_store_get_reply_template (store, "nonsense", "nl", &subject, &body, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (fd_store_set_reply_template (store, "acknowledgement", "nl", "Ontvangen {reference}",
                                              "Hallo {customer_name}, wij kijken ernaar.", &error));
  g_assert_no_error (error);
  g_assert_true (fd_store_get_reply_template (store, "acknowledgement", "nl", &subject, &body, &error));
  g_assert_cmpstr (body, ==, "Hallo {customer_name}, wij kijken ernaar.");
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);

  /* Restoring gives the built-in text back. */
  g_assert_true (fd_store_set_reply_template (store, "acknowledgement", "nl", NULL, NULL, &error));
  g_assert_true (fd_store_get_reply_template (store, "acknowledgement", "nl", &subject, &body, &error));
  g_assert_nonnull (strstr (body, "Beste {customer_name}"));
}

static char *
write_file (const char *dir,
            const char *name,
            gsize       size)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *data = g_malloc0 (size + 1);
  g_autoptr(GError) error = NULL;

  memset (data, 'x', size);
  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_thread_and_attachments (Fixture       *fixture,
                             gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  g_autoptr(FdCustomer) customer = customer_in (store, "Anna", "Bērziņa", "lv");
  g_autoptr(FdClaim) claim = open_for (fixture, customer, FD_CLAIM_KIND_COMPLAINT, "Rēķins par augstu");
  g_autofree char *small = write_file (fixture->base.dir, "rēķins.txt", 1234);
  g_autofree char *huge = write_file (fixture->base.dir, "huge.bin", FD_ATTACHMENT_MAX_BYTES + 1);
  g_autofree char *missing = g_build_filename (fixture->base.dir, "nowhere.pdf", NULL);
  const char *good[] = { small, NULL };
  const char *too_big[] = { small, huge, NULL };
  const char *absent[] = { missing, NULL };
  FdMessageDraft draft = { fd_claim_get_id (claim), FD_MESSAGE_IN, "email", 0, "Rēķins",
                           "Lūdzu, pārbaudiet rēķinu.", NULL, NULL, good };
  g_autoptr(FdClaimMessage) message = NULL;
  g_autoptr(GPtrArray) thread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *att_name;
  gint64 att_id, att_size;

  message = fd_store_add_message (store, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_claim_message_get_language (message), ==, "lv");
  g_assert_cmpuint (fd_claim_message_get_n_attachments (message), ==, 1);
  g_assert_true (fd_claim_message_get_attachment (message, 0, &att_id, &att_name, &att_size));
  g_assert_cmpstr (att_name, ==, "rēķins.txt");
  g_assert_cmpint (att_size, ==, 1234);
  bytes = fd_store_read_attachment (store, att_id, &name, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 1234);

  /* A huge or missing file is a clear error, and nothing of the message is written. */
  draft.attachments = too_big;
  g_assert_null (fd_store_add_message (store, &draft, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "huge.bin"));
  g_clear_error (&error);
  draft.attachments = absent;
  g_assert_null (fd_store_add_message (store, &draft, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nowhere.pdf"));
  g_clear_error (&error);
  draft.attachments = NULL;
  draft.body = "   ";
  g_assert_null (fd_store_add_message (store, &draft, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_clear_error (&error);

  draft.body = "Paldies, atbildēsim drīz.";
  draft.direction = FD_MESSAGE_OUT;
  draft.channel = "letter";
  g_clear_object (&message);
  message = fd_store_add_message (store, &draft, &error);
  g_assert_no_error (error);

  thread = fd_store_list_messages (store, fd_claim_get_id (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (thread->len, ==, 2);
  g_assert_cmpint (fd_claim_message_get_direction (g_ptr_array_index (thread, 0)), ==, FD_MESSAGE_IN);
  g_assert_cmpint (fd_claim_message_get_direction (g_ptr_array_index (thread, 1)), ==, FD_MESSAGE_OUT);
}

static gboolean
has_claim (GPtrArray *claims,
           FdClaim   *claim)
{
  for (guint i = 0; i < claims->len; i++)
    if (fd_claim_get_id (g_ptr_array_index (claims, i)) == fd_claim_get_id (claim))
      return TRUE;
  return FALSE;
}

static GPtrArray *
search (FdStore    *store,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *found = fd_store_search_claims (store, query, 0, 50, &error);

  g_assert_no_error (error);
  return found;
}

static void
test_search_folding (Fixture       *fixture,
                     gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  g_autoptr(FdCustomer) customer = customer_in (store, "Ana", "Jović", "sr");
  g_autoptr(FdClaim) letter_claim = open_for (fixture, customer, FD_CLAIM_KIND_COMPLAINT, "Šalter zatvoren");
  g_autoptr(FdClaim) other = open_for (fixture, customer, FD_CLAIM_KIND_SUGGESTION, "Više parking mesta");
  FdMessageDraft draft = { fd_claim_get_id (letter_claim), FD_MESSAGE_IN, "letter", 0, NULL,
                           "Službenik Đorđević nije bio ljubazan. Бројило је покварено.", NULL, NULL, NULL };
  g_autoptr(FdClaimMessage) message = fd_store_add_message (store, &draft, NULL);
  static const char * const finds_letter[] = {
    "djordjevic", "Đorđević", "Ђорђевић", "DJORDJ", "бројило", "brojilo", "salter", "ШАЛТЕР", "ljubaz sluz",
  };
  g_autofree char *spaced = NULL;

  g_assert_nonnull (message);
  for (guint i = 0; i < G_N_ELEMENTS (finds_letter); i++)
    {
      g_autoptr(GPtrArray) found = search (store, finds_letter[i]);

      g_test_message ("query %s", finds_letter[i]);
      g_assert_true (has_claim (found, letter_claim));
      g_assert_false (has_claim (found, other));
    }
  {
    g_autoptr(GPtrArray) none = search (store, "djordjevic parking");
    g_autoptr(GPtrArray) parking = search (store, "parking");

    g_assert_cmpuint (none->len, ==, 0);
    g_assert_true (has_claim (parking, other));
    g_assert_false (has_claim (parking, letter_claim));
  }

  /* The reference in any spelling finds its claim first. */
  spaced = g_ascii_strdown (fd_claim_get_reference (other), -1);
  for (char *p = spaced; *p; p++)
    if (*p == '-')
      *p = ' ';
  {
    g_autoptr(GPtrArray) found = search (store, spaced);

    g_assert_cmpuint (found->len, >=, 1);
    g_assert_cmpint (fd_claim_get_id (g_ptr_array_index (found, 0)), ==, fd_claim_get_id (other));
  }

  /* The resolution's words are found once it is recorded, the old ones gone if changed. */
  {
    g_autoptr(FdClaim) moved = fd_store_move_claim (store, fd_claim_get_id (other), FD_CLAIM_STATUS_ACKNOWLEDGED, NULL, NULL);
    g_autoptr(FdClaim) resolved = fd_store_resolve_claim (store, fd_claim_get_id (other), "Premalo mesta",
                                                          "Nova garaža", "Lakše dolazite", NULL);
    FdClaimChanges changes = FD_CLAIM_CHANGES_INIT;
    g_autoptr(FdClaim) updated = NULL;
    g_autoptr(GPtrArray) garage = search (store, "garaza");
    g_autoptr(GPtrArray) old_summary = NULL;
    g_autoptr(GPtrArray) new_summary = NULL;

    g_assert_nonnull (resolved);
    g_assert_true (has_claim (garage, other));
    changes.summary = "Biciklističke staze";
    updated = fd_store_update_claim (store, fd_claim_get_id (other), &changes, NULL, NULL);
    g_assert_nonnull (updated);
    old_summary = search (store, "parking");
    new_summary = search (store, "biciklisticke");
    g_assert_false (has_claim (old_summary, other));
    g_assert_true (has_claim (new_summary, other));
  }
}

static gint64
add_staff (FdStore    *store,
           gint64      branch_id,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = fd_store_add_staff (store, branch_id, name, "branch_staff", &error);

  g_assert_no_error (error);
  return id;
}

static void
test_update_history (Fixture       *fixture,
                     gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  g_autoptr(FdCustomer) customer = customer_in (store, "Jan", "de Vries", "nl");
  g_autoptr(FdClaim) claim = open_for (fixture, customer, FD_CLAIM_KIND_COMPLAINT, "Lange wachttijd");
  gint64 handler = add_staff (store, fixture->branch_id, "Milica Ilić");
  FdClaimChanges changes = FD_CLAIM_CHANGES_INIT;
  g_autoptr(FdClaim) updated = NULL;
  g_autoptr(FdClaim) unchanged = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_assignee = FALSE, saw_priority = FALSE, saw_due = FALSE;

  fd_store_set_current_staff (store, handler);

  /* Refused changes write nothing. */
  changes.category = "no_such_category";
  g_assert_null (fd_store_update_claim (store, fd_claim_get_id (claim), &changes, NULL, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_clear_error (&error);
  changes.category = NULL;
  changes.assignee_id = 99999;
  g_assert_null (fd_store_update_claim (store, fd_claim_get_id (claim), &changes, NULL, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_clear_error (&error);
  changes.assignee_id = -1;
  changes.satisfaction = 4;   /* not resolved yet */
  g_assert_null (fd_store_update_claim (store, fd_claim_get_id (claim), &changes, NULL, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_clear_error (&error);

  changes.satisfaction = -1;
  changes.assignee_id = handler;
  changes.priority = FD_CLAIM_PRIORITY_HIGH;
  changes.concerns = "Balie 2";
  updated = fd_store_update_claim (store, fd_claim_get_id (claim), &changes, "Spoed", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_claim_get_assignee_id (updated), ==, handler);
  g_assert_cmpint (fd_claim_get_priority (updated), ==, FD_CLAIM_PRIORITY_HIGH);
  g_assert_cmpstr (fd_claim_get_concerns (updated), ==, "Balie 2");
  /* High priority: resolved within 5 working days instead of 10. */
  g_assert_cmpint (fd_claim_get_due_at (updated), <, fd_claim_get_due_at (claim));

  unchanged = fd_store_update_claim (store, fd_claim_get_id (claim), &changes, NULL, &error);
  g_assert_no_error (error);

  history = fd_store_list_claim_history (store, fd_claim_get_id (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 5);   /* opened, assignee, priority, concerns, due date */
  for (guint i = 0; i < history->len; i++)
    {
      FdHistoryEntry *entry = g_ptr_array_index (history, i);
      const char *field = fd_history_entry_get_field (entry);

      if (g_str_equal (field, "status"))
        continue;
      g_assert_cmpstr (fd_history_entry_get_actor (entry), ==, "Milica Ilić");
      if (g_str_equal (field, "assignee"))
        {
          saw_assignee = TRUE;
          g_assert_null (fd_history_entry_get_old_value (entry));
          g_assert_nonnull (strstr (fd_history_entry_get_detail (entry), "Milica Ilić"));
          g_assert_nonnull (strstr (fd_history_entry_get_detail (entry), "Spoed"));
        }
      saw_priority |= g_str_equal (field, "priority") && g_str_equal (fd_history_entry_get_new_value (entry), "high");
      saw_due |= g_str_equal (field, "due_at");
    }
  g_assert_true (saw_assignee && saw_priority && saw_due);
}

static void
test_filtered_pages (Fixture       *fixture,
                     gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  g_autoptr(FdCustomer) customer = customer_in (store, "Els", "Peeters", "nl");
  gint64 handler = add_staff (store, fixture->branch_id, "Piet");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(FdClaim) last = NULL;
  g_autoptr(GError) error = NULL;
  FdClaimFilter filter = FD_CLAIM_FILTER_INIT;
  guint total = 0;

  for (int i = 0; i < 25; i++)
    {
      g_autoptr(FdClaim) claim = open_for (fixture, customer, i % 3 == 0 ? FD_CLAIM_KIND_COMPLIMENT : FD_CLAIM_KIND_COMPLAINT, "x");

      if (i % 2 == 0)
        {
          FdClaimChanges changes = FD_CLAIM_CHANGES_INIT;
          g_autoptr(FdClaim) assigned = NULL;

          changes.assignee_id = handler;
          assigned = fd_store_update_claim (store, fd_claim_get_id (claim), &changes, NULL, &error);
          g_assert_no_error (error);
        }
    }

  /* Pages of 4 of the compliments assigned to Piet: i = 0, 6, 12, 18, 24 → 5 claims. */
  filter.kind = FD_CLAIM_KIND_COMPLIMENT;
  filter.assignee_id = handler;
  for (;;)
    {
      g_autoptr(GPtrArray) page = fd_store_list_claims_page (store, &filter, last, 4, &error);

      g_assert_no_error (error);
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        {
          FdClaim *claim = g_ptr_array_index (page, i);
          gint64 *id = g_new (gint64, 1);

          *id = fd_claim_get_id (claim);
          g_assert_cmpint (fd_claim_get_kind (claim), ==, FD_CLAIM_KIND_COMPLIMENT);
          g_assert_cmpint (fd_claim_get_assignee_id (claim), ==, handler);
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, id);
          total++;
        }
      g_set_object (&last, g_ptr_array_index (page, page->len - 1));
    }
  g_assert_cmpuint (total, ==, 5);

  /* Unassigned complaints: i odd and not a multiple of 3 → 1,5,7,11,13,17,19,23 = 8. */
  {
    FdClaimFilter unassigned = FD_CLAIM_FILTER_INIT;
    g_autoptr(GPtrArray) page = NULL;

    unassigned.assignee_id = -1;
    unassigned.kind = FD_CLAIM_KIND_COMPLAINT;
    page = fd_store_list_claims_page (store, &unassigned, NULL, 100, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 8);
  }
}

static void
test_letter (Fixture       *fixture,
             gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  g_autoptr(FdCustomer) customer = customer_in (store, "Marko", "Marković", "sr");
  g_autoptr(FdClaim) claim = open_for (fixture, customer, FD_CLAIM_KIND_COMPLAINT, "Predugo čekanje");
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autoptr(FdClaimMessage) message = NULL;
  g_autoptr(FdLetter) letter = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (fd_store_prepare_letter (store, fd_claim_get_id (claim), 0, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (fd_store_fill_reply (store, fd_claim_get_id (claim), "acknowledgement", NULL, &subject, &body, &error));
  {
    FdMessageDraft draft = { fd_claim_get_id (claim), FD_MESSAGE_OUT, "letter", 0, subject, body,
                             NULL, "acknowledgement", NULL };
    message = fd_store_add_message (store, &draft, &error);
    g_assert_no_error (error);
  }
  letter = fd_store_prepare_letter (store, fd_claim_get_id (claim), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_letter_get_language (letter), ==, "sr");
  g_assert_cmpstr (fd_letter_get_branch_name (letter), ==, "Beograd Centar");
  g_assert_nonnull (strstr (fd_letter_get_branch_lines (letter), "Knez Mihailova 12"));
  g_assert_nonnull (strstr (fd_letter_get_recipient (letter), "Marko Marković\nBulevar oslobođenja 7"));
  g_assert_nonnull (strstr (fd_letter_get_reference_line (letter), fd_claim_get_reference (claim)));
  g_assert_true (g_str_has_prefix (fd_letter_get_reference_line (letter), "Наш број"));
  g_assert_nonnull (strstr (fd_letter_get_footer (letter), "Радно време"));
  g_assert_cmpstr (fd_letter_get_body (letter), ==, body);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "Europe/Belgrade", TRUE);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, set_up, fn, tear_down)
  ADD ("/fd/correspondence/templates-every-language", test_templates_every_language);
  ADD ("/fd/correspondence/template-override", test_template_override_and_check);
  ADD ("/fd/correspondence/thread-and-attachments", test_thread_and_attachments);
  ADD ("/fd/correspondence/search-folding", test_search_folding);
  ADD ("/fd/correspondence/update-history", test_update_history);
  ADD ("/fd/correspondence/filtered-pages", test_filtered_pages);
  ADD ("/fd/correspondence/letter", test_letter);
  return g_test_run ();
}
