/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include <string.h>

#include "fd-calendar.h"
#include "fd-demo.h"
#include "fd-demo-private.h"
#include "fd-reply-template.h"
#include "fd-store-private.h"

/* Demo claims with their threads, written in the customer's language: Serbian texts are
 * kept in Latin here and turned into Cyrillic for customers who read Cyrillic. */

enum { EN, NL, SR, LV, N_LANGS };

/* What the customer wrote, by category (complaints) and then by kind. */
static const char * const category_codes[] = {
  "poor_service", "treated_as_number", "not_right_first_time", "bad_result", "concern_unresolved",
  "impolite", "price_higher_than_agreed", "slow_response", "other",
};
static const double category_weights[] = { 0.12, 0.09, 0.11, 0.08, 0.10, 0.16, 0.09, 0.20, 0.05 };

static const char * const complaint_texts[G_N_ELEMENTS (category_codes)][N_LANGS] = {
  { "The advice at the desk was wrong and I had to come back",
    "Het advies aan de balie was onjuist en ik moest terugkomen",
    "Savet na šalteru je bio pogrešan i morao sam ponovo da dođem",
    "Padoms pie lodziņa bija nepareizs, un man bija jānāk vēlreiz" },
  { "I felt like a number: nobody listened to my question",
    "Ik voelde me een nummer: niemand luisterde naar mijn vraag",
    "Osećao sam se kao broj: niko nije saslušao moje pitanje",
    "Jutos kā numurs: neviens neuzklausīja manu jautājumu" },
  { "The meter was replaced twice before it worked",
    "De meter is twee keer vervangen voordat hij werkte",
    "Brojilo je menjano dva puta pre nego što je proradilo",
    "Skaitītājs tika mainīts divas reizes, līdz tas sāka darboties" },
  { "After the repair the device works worse than before",
    "Na de reparatie werkt het apparaat slechter dan ervoor",
    "Posle popravke uređaj radi gore nego pre",
    "Pēc remonta ierīce darbojas sliktāk nekā iepriekš" },
  { "My question about the contract has still not been answered",
    "Mijn vraag over het contract is nog steeds niet beantwoord",
    "Na moje pitanje o ugovoru još nema odgovora",
    "Uz manu jautājumu par līgumu joprojām nav atbildes" },
  { "The employee at the desk was rude to me",
    "De medewerker aan de balie was onbeleefd tegen mij",
    "Službenik na šalteru je bio nepristojan prema meni",
    "Darbinieks pie lodziņa pret mani bija nepieklājīgs" },
  { "The invoice is higher than the price we agreed",
    "De factuur is hoger dan de prijs die we hadden afgesproken",
    "Račun je veći od cene koju smo dogovorili",
    "Rēķins ir lielāks par cenu, par kuru vienojāmies" },
  { "I have been waiting three weeks for an answer",
    "Ik wacht al drie weken op een antwoord",
    "Već tri nedelje čekam odgovor",
    "Jau trīs nedēļas gaidu atbildi" },
  { "The waiting room was far too cold",
    "De wachtruimte was veel te koud",
    "Čekaonica je bila previše hladna",
    "Uzgaidāmajā telpā bija pārāk auksti" },
};

static const char * const kind_texts[3][N_LANGS] = {
  { "Thank you for the friendly and quick help at the desk",
    "Dank voor de vriendelijke en snelle hulp aan de balie",
    "Hvala na ljubaznoj i brzoj pomoći na šalteru",
    "Paldies par laipno un ātro palīdzību pie lodziņa" },
  { "Please open the branch on Saturday mornings as well",
    "Graag ook op zaterdagochtend open",
    "Molim vas da filijala radi i subotom ujutru",
    "Lūdzu, atveriet filiāli arī sestdienu rītos" },
  { "Please send me a copy of my contract and the meter readings",
    "Graag een kopie van mijn contract en de meterstanden",
    "Molim vas da mi pošaljete kopiju ugovora i stanje brojila",
    "Lūdzu, atsūtiet man līguma kopiju un skaitītāja rādījumus" },
};

static const char * const details[3][N_LANGS] = {
  { "It happened at the desk during my last visit.", "Het gebeurde aan de balie tijdens mijn laatste bezoek.",
    "To se desilo na šalteru prilikom moje poslednje posete.", "Tas notika pie lodziņa manā pēdējā apmeklējumā." },
  { "I have already called twice about this.", "Ik heb hier al twee keer over gebeld.",
    "Već sam dva puta zvao zbog ovoga.", "Par to jau divreiz zvanīju." },
  { "Please contact me by phone.", "Neem alstublieft telefonisch contact met mij op.",
    "Molim vas da me kontaktirate telefonom.", "Lūdzu, sazinieties ar mani pa tālruni." },
};

/* Solutions and benefits: an invoice, a talk with the staff, a repair (for complaints, by
 * category), then a suggestion taken up and a request answered. */
static const char * const solutions[5][N_LANGS] = {
  { "We have corrected the invoice and refunded the difference.",
    "Wij hebben de factuur gecorrigeerd en het verschil terugbetaald.",
    "Ispravili smo račun i vratili vam razliku.",
    "Esam izlabojuši rēķinu un atmaksājuši starpību." },
  { "We have spoken to the employee concerned and explained the procedure again.",
    "Wij hebben de betrokken medewerker aangesproken en de werkwijze opnieuw uitgelegd.",
    "Razgovarali smo sa službenikom i ponovo objasnili postupak.",
    "Esam runājuši ar attiecīgo darbinieku un vēlreiz izskaidrojuši kārtību." },
  { "A technician has replaced the part free of charge.",
    "Een monteur heeft het onderdeel kosteloos vervangen.",
    "Serviser je besplatno zamenio deo.",
    "Tehniķis bez maksas nomainīja detaļu." },
  { "We have passed your suggestion on to the management, and the branch will try opening on Saturday mornings.",
    "Wij hebben uw voorstel doorgegeven aan de directie; het kantoor gaat proefdraaien met openingstijden op zaterdagochtend.",
    "Vaš predlog prosledili smo upravi, a filijala će probno raditi i subotom ujutru.",
    "Jūsu ierosinājumu esam nodevuši vadībai, un filiāle izmēģinās darbu arī sestdienu rītos." },
  { "We have sent you a copy of your contract and the meter readings.",
    "Wij hebben u een kopie van uw contract en de meterstanden gestuurd.",
    "Poslali smo vam kopiju ugovora i stanje brojila.",
    "Esam nosūtījuši Jums līguma kopiju un skaitītāja rādījumus." },
};

static const char * const benefits[5][N_LANGS] = {
  { "You pay only what was agreed.", "U betaalt alleen wat is afgesproken.",
    "Plaćate samo ono što je dogovoreno.", "Jūs maksājat tikai par to, par ko vienojāmies." },
  { "Next time you will be helped correctly at once.", "Bij uw volgende bezoek wordt u meteen goed geholpen.",
    "Pri sledećoj poseti odmah ćete dobiti pravu pomoć.", "Nākamajā apmeklējumā Jums uzreiz palīdzēs pareizi." },
  { "Your device works as it should again.", "Uw apparaat werkt weer zoals het hoort.",
    "Vaš uređaj ponovo radi kako treba.", "Jūsu ierīce atkal darbojas, kā nākas." },
  { "You can visit us at a time that suits you.", "U kunt langskomen op een moment dat het u uitkomt.",
    "Možete da nas posetite kada vama odgovara.", "Jūs varat mūs apmeklēt sev ērtā laikā." },
  { "You have all your details at hand.", "U heeft al uw gegevens bij de hand.",
    "Sve vaše podatke imate pri ruci.", "Visi Jūsu dati ir Jūsu rīcībā." },
};

/* Which solution answers a complaint of each category. */
static const guint category_solution[G_N_ELEMENTS (category_codes)] = { 1, 1, 2, 2, 1, 1, 0, 1, 1 };

static const char * const info_replies[N_LANGS] = {
  "Here is the information you asked for: my customer number and the dates of my visits.",
  "Hierbij de gevraagde informatie: mijn klantnummer en de data van mijn bezoeken.",
  "U prilogu su podaci koje ste tražili: moj broj korisnika i datumi mojih poseta.",
  "Nosūtu pieprasīto informāciju: mana klienta numuru un apmeklējumu datumus.",
};

typedef struct
{
  FdBranch           *branch;
  gint64              id;
  int                 lang;        /* the language its customers write in */
  FdWorkingCalendar  *calendar;
  GArray             *staff;       /* gint64 */
  char               *address;     /* on one line */
} Branch;

static void
branch_clear (gpointer data)
{
  Branch *b = data;

  g_clear_object (&b->branch);
  g_clear_pointer (&b->calendar, fd_working_calendar_free);
  g_clear_pointer (&b->staff, g_array_unref);
  g_free (b->address);
}

static int
lang_index (const char *language)
{
  if (g_strcmp0 (language, "nl") == 0)
    return NL;
  if (g_strcmp0 (language, "sr") == 0 || g_strcmp0 (language, "sr@latin") == 0)
    return SR;
  if (g_strcmp0 (language, "lv") == 0)
    return LV;
  return EN;
}

/* The text in the customer's language and script; owned by the caller. */
static char *
localized (const char * const *texts,
           const char         *language)
{
  const char *text = texts[lang_index (language)];

  return g_strcmp0 (language, "sr") == 0 ? _fd_demo_to_cyrillic (text) : g_strdup (text);
}

static gboolean
load_branches (FdStore  *store,
               GArray   *out,
               GError  **error)
{
  g_autoptr(GPtrArray) branches = fd_store_list_branches (store, error);

  if (branches == NULL)
    return FALSE;
  for (guint i = 0; i < branches->len; i++)
    {
      FdBranch *branch = g_ptr_array_index (branches, i);
      g_autoptr(GArray) ids = NULL;
      g_auto(GStrv) roles = NULL;
      Branch b = { 0 };

      if (!fd_store_list_staff (store, fd_branch_get_id (branch), &ids, NULL, &roles, error))
        return FALSE;
      b.branch = g_object_ref (branch);
      b.id = fd_branch_get_id (branch);
      b.lang = g_strcmp0 (fd_branch_get_country (branch), "NL") == 0 || g_strcmp0 (fd_branch_get_country (branch), "BE") == 0 ? NL
             : g_strcmp0 (fd_branch_get_country (branch), "RS") == 0 ? SR
             : g_strcmp0 (fd_branch_get_country (branch), "LV") == 0 ? LV : EN;
      b.calendar = fd_working_calendar_new (branch, NULL, _fd_local_time_zone ());
      b.staff = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint s = 0; s < ids->len; s++)
        if (g_strcmp0 (roles[s], "receptionist") != 0)
          g_array_append_val (b.staff, g_array_index (ids, gint64, s));
      b.address = g_strdup (fd_branch_get_address (branch));
      g_strdelimit (b.address, "\n", ',');
      {
        g_autofree char *spaced = NULL;
        g_auto(GStrv) parts = g_strsplit (b.address, ",", -1);

        spaced = g_strjoinv (", ", parts);
        g_free (b.address);
        b.address = g_steal_pointer (&spaced);
      }
      g_array_append_val (out, b);
    }
  return TRUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* When each claim came in: spread over three years, in working hours. */
static GArray *
received_times (Rng    *rng,
                guint   n,
                gint64  until)
{
  GArray *times = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  const gint64 span = 3 * 365 * 86400;

  for (guint i = 0; i < n; i++)
    {
      gint64 day = (until - span) / 86400 + rng_range (rng, 3 * 365);
      gint64 at = day * 86400 + 7 * 3600 + rng_range (rng, 9 * 3600);

      g_array_append_val (times, at);
    }
  g_array_sort (times, compare_gint64);
  return times;
}

typedef struct
{
  FdBulkClaims *bulk;
  Rng          *rng;
  GHashTable   *values;
} Writer;

static gboolean
add_template_message (Writer      *w,
                      gint64       claim_id,
                      int         *position,
                      const char  *code,
                      const char  *channel,
                      gint64       at,
                      const char  *language,
                      const char  *author,
                      GError     **error)
{
  const char *subject, *body;
  g_autofree char *filled_subject = NULL;
  g_autofree char *filled_body = NULL;
  FdMessageRow row = { "out", channel, at, NULL, NULL, language, code, author };

  fd_reply_template_get_default (code, language, &subject, &body);
  row.subject = filled_subject = fd_reply_template_fill (subject, w->values);
  row.body = filled_body = fd_reply_template_fill (body, w->values);
  return _fd_store_bulk_claims_add_message (w->bulk, claim_id, ++*position, &row, error);
}

static char *
format_date (gint64      at,
             const char *language)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, _fd_local_time_zone ());

  return fd_letter_format_date (local, language);
}

/* The claim's thread: what the customer sent, the acknowledgement, sometimes a request
 * for information and its answer, and the resolution or thanks. */
static gboolean
write_thread (Writer            *w,
              gint64             claim_id,
              const FdClaimRow  *row,
              const char        *reference,
              FdCustomer        *customer,
              const Branch      *branch,
              const char        *author,
              const char        *detail,
              GError           **error)
{
  const char *language = fd_customer_get_language (customer) ? fd_customer_get_language (customer) : "en";
  const char *out_channel = g_str_equal (row->channel, "email") ? "email" : "letter";
  g_autofree char *body = NULL;
  int position = 0;
  FdMessageRow in = { "in", row->channel, row->received_at, NULL, NULL, language, NULL, NULL };

  g_hash_table_insert (w->values, "customer_name", fd_customer_dup_display_name (customer));
  g_hash_table_insert (w->values, "reference", g_strdup (reference));
  g_hash_table_insert (w->values, "due_date", format_date (row->due_at, language));
  g_hash_table_insert (w->values, "branch_name", g_strdup (fd_branch_get_name (branch->branch)));
  g_hash_table_insert (w->values, "branch_address", g_strdup (branch->address));
  g_hash_table_insert (w->values, "opening_hours", fd_letter_format_hours (branch->branch, language, "\n"));
  g_hash_table_insert (w->values, "staff_name", g_strdup (author));
  g_hash_table_insert (w->values, "problem", g_strdup (row->problem ? row->problem : row->summary));
  g_hash_table_insert (w->values, "solution", g_strdup (row->solution ? row->solution : "…"));
  g_hash_table_insert (w->values, "benefit", g_strdup (row->benefit ? row->benefit : "…"));

  body = g_strdup_printf ("%s. %s", row->summary, detail);
  in.body = body;
  if (!_fd_store_bulk_claims_add_message (w->bulk, claim_id, ++position, &in, error))
    return FALSE;
  if (row->acknowledged_at &&
      !add_template_message (w, claim_id, &position, g_str_equal (row->kind, "compliment") ? "compliment_thanks" : "acknowledgement",
                             out_channel, row->acknowledged_at, language, author, error))
    return FALSE;
  if (row->acknowledged_at && rng_double (w->rng) < 0.1 && !g_str_equal (row->kind, "compliment"))
    {
      g_autofree char *answer = localized (info_replies, language);
      FdMessageRow reply = { "in", out_channel, row->acknowledged_at + 2 * 86400, NULL, answer, language, NULL, NULL };

      if (!add_template_message (w, claim_id, &position, "request_information", out_channel,
                                 row->acknowledged_at + 3600, language, author, error) ||
          (reply.at < (row->resolved_at ? row->resolved_at : G_MAXINT64) &&
           !_fd_store_bulk_claims_add_message (w->bulk, claim_id, ++position, &reply, error)))
        return FALSE;
    }
  if (row->resolved_at && !g_str_equal (row->kind, "compliment") &&
      !add_template_message (w, claim_id, &position, "resolution", out_channel, row->resolved_at, language, author, error))
    return FALSE;
  return TRUE;
}

/* Where a claim of this age stands, and when it got there. */
static void
choose_status (Rng        *rng,
               FdClaimRow *row,
               gint64      until)
{
  double age_days = (until - row->received_at) / 86400.0;
  double r = rng_double (rng);

  row->acknowledged_at = row->received_at + 3600 + rng_range (rng, 36 * 3600);
  row->resolved_at = row->received_at + 2 * 86400 + rng_range (rng, 11 * 86400);
  row->closed_at = row->resolved_at + 86400 + rng_range (rng, 6 * 86400);

  if (age_days > 45)
    row->status = r < 0.96 ? "closed" : r < 0.98 ? "resolved" : "in_progress";
  else if (age_days > 15)
    row->status = r < 0.6 ? "closed" : r < 0.8 ? "resolved" : r < 0.95 ? "in_progress" : "waiting_for_customer";
  else
    row->status = r < 0.3 ? "new" : r < 0.6 ? "acknowledged" : r < 0.85 ? "in_progress" : r < 0.9 ? "waiting_for_customer" : "resolved";

  if (g_str_equal (row->status, "new") || row->acknowledged_at >= until)
    {
      row->status = "new";
      row->acknowledged_at = 0;
    }
  if (!g_str_equal (row->status, "resolved") && !g_str_equal (row->status, "closed"))
    row->resolved_at = row->closed_at = 0;
  else if (row->resolved_at >= until)
    {
      row->status = "in_progress";
      row->resolved_at = row->closed_at = 0;
    }
  if (g_str_equal (row->status, "resolved") || row->closed_at >= until)
    row->closed_at = 0;
  if (g_str_equal (row->status, "closed") && row->closed_at == 0)
    row->status = "resolved";
  row->updated_at = MAX (row->closed_at, MAX (row->resolved_at, MAX (row->acknowledged_at, row->received_at)));
}

/* A branch where the customer's language is spoken, if there is one. */
static const Branch *
pick_branch (Rng    *rng,
             GArray *branches,
             int     lang)
{
  guint matching = 0, n;

  for (guint i = 0; i < branches->len; i++)
    matching += g_array_index (branches, Branch, i).lang == lang;
  if (matching == 0)
    return &g_array_index (branches, Branch, rng_range (rng, branches->len));
  n = rng_range (rng, matching);
  for (guint i = 0; i < branches->len; i++)
    if (g_array_index (branches, Branch, i).lang == lang && n-- == 0)
      return &g_array_index (branches, Branch, i);
  g_assert_not_reached ();
}

/* How satisfied customers were with a resolution: mostly, not always. */
static int
satisfaction (Rng *rng)
{
  static const double weights[] = { 0.05, 0.08, 0.17, 0.35, 0.35 };
  double r = rng_double (rng);
  int score = 1;

  for (guint i = 0; i < G_N_ELEMENTS (weights) - 1 && r >= weights[i]; i++, score++)
    r -= weights[i];
  return score;
}

gboolean
fd_demo_generate_claims (FdStore  *store,
                         guint     n_claims,
                         guint64   seed,
                         gint64    until,
                         GError  **error)
{
  static const char * const kinds[] = { "complaint", "compliment", "suggestion", "request" };
  static const double kind_weights[] = { 0.62, 0.14, 0.10, 0.14 };
  static const char * const channels[] = { "in_person", "phone", "email", "letter" };
  static const double channel_weights[] = { 0.30, 0.25, 0.33, 0.12 };
  static const char * const priorities[] = { "low", "normal", "high" };
  static const double priority_weights[] = { 0.2, 0.65, 0.15 };
  g_autoptr(GArray) branches = g_array_new (FALSE, TRUE, sizeof (Branch));
  g_autoptr(FdBulkClaims) bulk = NULL;
  g_autoptr(GArray) times = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  Rng rng = { seed };
  gint64 first_customer, last_customer;
  Writer writer;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  rng.state = rng_next (&rng) ^ 0xC1A1Full;
  g_array_set_clear_func (branches, branch_clear);
  if (!load_branches (store, branches, error))
    return FALSE;
  _fd_store_customer_id_range (store, &first_customer, &last_customer);
  if (n_claims == 0 || branches->len == 0 || last_customer == 0)
    return TRUE;

  times = received_times (&rng, n_claims, until);
  if (!(bulk = _fd_store_bulk_claims_begin (store, n_claims, error)))
    return FALSE;
  writer = (Writer) { bulk, &rng, values };

  for (guint i = 0; i < n_claims; i++)
    {
      gint64 customer_id = first_customer + (gint64) (rng_next (&rng) % (guint64) (last_customer - first_customer + 1));
      g_autoptr(FdCustomer) customer = fd_store_get_customer (store, customer_id, NULL);
      const Branch *branch;
      g_autofree char *summary = NULL, *problem = NULL, *solution = NULL, *benefit = NULL;
      g_autofree char *detail = NULL, *author = NULL, *reference = NULL;
      FdClaimRow row = { 0 };
      guint pick = 0;
      const char *language;
      gint64 id;

      if (customer == NULL)
        continue;   /* a gap in the ids */
      language = fd_customer_get_language (customer);
      branch = pick_branch (&rng, branches, lang_index (language));
      row.branch_id = branch->id;
      row.customer_id = customer_id;
      row.kind = pick_weighted (&rng, kinds, kind_weights, G_N_ELEMENTS (kinds));
      row.channel = pick_weighted (&rng, channels, channel_weights, G_N_ELEMENTS (channels));
      row.priority = pick_weighted (&rng, priorities, priority_weights, G_N_ELEMENTS (priorities));
      row.received_at = g_array_index (times, gint64, i);
      if (g_str_equal (row.kind, "complaint"))
        {
          guint c;

          row.category = pick_weighted (&rng, category_codes, category_weights, G_N_ELEMENTS (category_codes));
          for (c = 0; !g_str_equal (category_codes[c], row.category); c++)
            ;
          summary = localized (complaint_texts[c], language);
          pick = category_solution[c];
        }
      else
        {
          row.category = "other";
          summary = localized (kind_texts[g_str_equal (row.kind, "compliment") ? 0 : g_str_equal (row.kind, "suggestion") ? 1 : 2], language);
          pick = g_str_equal (row.kind, "suggestion") ? 3 : 4;
        }
      row.summary = summary;
      row.ack_due_at = fd_working_calendar_add_days (branch->calendar, row.received_at,
                                                     g_str_equal (row.priority, "high") ? 1 : g_str_equal (row.priority, "low") ? 3 : 2);
      row.due_at = fd_working_calendar_add_days (branch->calendar, row.received_at,
                                                 g_str_equal (row.priority, "high") ? 5 : g_str_equal (row.priority, "low") ? 15 : 10);
      if (branch->staff->len)
        row.assignee_id = g_array_index (branch->staff, gint64, rng_range (&rng, branch->staff->len));
      author = fd_store_dup_staff_name (store, row.assignee_id);
      row.actor = author;
      choose_status (&rng, &row, until);
      if (row.resolved_at && !g_str_equal (row.kind, "compliment"))
        {
          row.problem = problem = g_strdup (summary);
          row.solution = solution = localized (solutions[pick], language);
          row.benefit = benefit = localized (benefits[pick], language);
        }
      if (row.closed_at)
        row.satisfaction = satisfaction (&rng);
      detail = localized (details[rng_range (&rng, 3)], language);
      /* Open claims often carry a promised call back, in the coming two weeks. */
      if (row.resolved_at == 0 && row.closed_at == 0 && rng_double (&rng) < 0.3)
        row.call_back_at = until + 3600 * (9 + (gint64) rng_range (&rng, 8)) + 86400 * (gint64) rng_range (&rng, 14);

      if ((id = _fd_store_bulk_claims_add (bulk, &row, &reference, error)) == 0 ||
          !write_thread (&writer, id, &row, reference, customer, branch, author ? author : "", detail, error))
        return FALSE;
    }
  return _fd_store_bulk_claims_commit (bulk, error);
}
