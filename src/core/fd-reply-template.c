/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-reply-template"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fd-branch.h"
#include "fd-error.h"
#include "fd-reply-template.h"

/* The built-in replies are written in the customer's language, not the user's, so they
 * are data here rather than gettext messages. Serbian Latin is transliterated from the
 * Cyrillic at run time, as the sr@latin catalogue is. */

static const char * const codes[] = {
  "acknowledgement", "request_information", "resolution", "compliment_thanks", NULL
};

static const char * const placeholders[] = {
  "customer_name", "reference", "due_date", "ack_due_date", "received_date", "today",
  "summary", "problem", "solution", "benefit", "branch_name", "branch_address",
  "branch_phone", "branch_email", "opening_hours", "staff_name", NULL
};

typedef struct
{
  const char *language;
  const char *code;
  const char *subject;
  const char *body;
} Template;

#define SIGNATURE_EN "Kind regards,\n\n{staff_name}\n{branch_name}"
#define SIGNATURE_NL "Met vriendelijke groet,\n\n{staff_name}\n{branch_name}"
#define SIGNATURE_SR "Срдачан поздрав,\n\n{staff_name}\n{branch_name}"
#define SIGNATURE_LV "Ar cieņu\n\n{staff_name}\n{branch_name}"

static const Template templates[] = {
  { "en", "acknowledgement", "Your message – reference {reference}",
    "Dear {customer_name},\n\n"
    "Thank you for contacting us. We have received your message and registered it under "
    "reference {reference}. Please quote this reference whenever you contact us about it.\n\n"
    "We will give you a full answer by {due_date} at the latest. If you would rather talk to "
    "us in person, you are welcome at our branch: {branch_name}, {branch_address}.\n\n"
    "Opening hours:\n{opening_hours}\n\n" SIGNATURE_EN },
  { "en", "request_information", "We need some more information – reference {reference}",
    "Dear {customer_name},\n\n"
    "Thank you for your message (reference {reference}). To handle it properly, we need the "
    "following information from you:\n\n"
    "[describe the information needed]\n\n"
    "You can reply to this letter, call us or visit us at {branch_address}. As soon as we "
    "have your answer we will continue, and we aim to give you our answer by {due_date}.\n\n"
    SIGNATURE_EN },
  { "en", "resolution", "Our answer to your message – reference {reference}",
    "Dear {customer_name},\n\n"
    "We have looked carefully into your message (reference {reference}).\n\n"
    "What happened: {problem}\n\n"
    "What we have done: {solution}\n\n"
    "What this means for you: {benefit}\n\n"
    "If you have any questions about this answer, please contact us and quote reference "
    "{reference}. You are always welcome at our branch: {branch_name}, {branch_address}.\n\n"
    SIGNATURE_EN },
  { "en", "compliment_thanks", "Thank you for your compliment – reference {reference}",
    "Dear {customer_name},\n\n"
    "Thank you very much for your kind words. We have passed your compliment on to the "
    "colleagues concerned: it means a great deal to them to hear that their work made a "
    "difference.\n\n"
    "Your message is registered under reference {reference}. We look forward to welcoming "
    "you again at {branch_name}.\n\n" SIGNATURE_EN },

  { "nl", "acknowledgement", "Uw bericht – kenmerk {reference}",
    "Beste {customer_name},\n\n"
    "Hartelijk dank voor uw bericht. Wij hebben het ontvangen en geregistreerd onder kenmerk "
    "{reference}. Wilt u dit kenmerk vermelden wanneer u hierover contact met ons opneemt?\n\n"
    "Uiterlijk {due_date} ontvangt u van ons een volledig antwoord. Spreekt u ons liever "
    "persoonlijk? U bent welkom in ons kantoor: {branch_name}, {branch_address}.\n\n"
    "Openingstijden:\n{opening_hours}\n\n" SIGNATURE_NL },
  { "nl", "request_information", "Wij hebben meer informatie nodig – kenmerk {reference}",
    "Beste {customer_name},\n\n"
    "Dank u voor uw bericht (kenmerk {reference}). Om het goed te kunnen afhandelen, hebben "
    "wij nog de volgende informatie van u nodig:\n\n"
    "[beschrijf welke informatie nodig is]\n\n"
    "U kunt op deze brief reageren, ons bellen of langskomen op {branch_address}. Zodra wij "
    "uw antwoord hebben, gaan wij verder; wij streven ernaar u uiterlijk {due_date} ons "
    "antwoord te geven.\n\n" SIGNATURE_NL },
  { "nl", "resolution", "Ons antwoord op uw bericht – kenmerk {reference}",
    "Beste {customer_name},\n\n"
    "Wij hebben uw bericht (kenmerk {reference}) zorgvuldig bekeken.\n\n"
    "Wat er is gebeurd: {problem}\n\n"
    "Wat wij hebben gedaan: {solution}\n\n"
    "Wat dit voor u betekent: {benefit}\n\n"
    "Heeft u vragen over dit antwoord? Neem dan contact met ons op en vermeld kenmerk "
    "{reference}. U bent van harte welkom in ons kantoor: {branch_name}, {branch_address}.\n\n"
    SIGNATURE_NL },
  { "nl", "compliment_thanks", "Dank voor uw compliment – kenmerk {reference}",
    "Beste {customer_name},\n\n"
    "Hartelijk dank voor uw vriendelijke woorden. Wij hebben uw compliment doorgegeven aan "
    "de collega’s om wie het gaat: het betekent veel voor hen om te horen dat hun werk "
    "verschil heeft gemaakt.\n\n"
    "Uw bericht is geregistreerd onder kenmerk {reference}. Wij zien u graag weer bij "
    "{branch_name}.\n\n" SIGNATURE_NL },

  { "sr", "acknowledgement", "Ваша порука – број предмета {reference}",
    "Поштовани/а {customer_name},\n\n"
    "Захваљујемо Вам што сте нам се обратили. Вашу поруку смо примили и завели под бројем "
    "{reference}. Молимо Вас да тај број наведете кад год нам се у вези с њом обраћате.\n\n"
    "Потпун одговор добићете најкасније до {due_date}. Ако желите да разговарате с нама "
    "лично, добродошли сте у нашу филијалу: {branch_name}, {branch_address}.\n\n"
    "Радно време:\n{opening_hours}\n\n" SIGNATURE_SR },
  { "sr", "request_information", "Потребно нам је још података – број предмета {reference}",
    "Поштовани/а {customer_name},\n\n"
    "Захваљујемо на Вашој поруци (број предмета {reference}). Да бисмо је правилно решили, "
    "потребни су нам још следећи подаци:\n\n"
    "[наведите који су подаци потребни]\n\n"
    "Можете нам одговорити на ово писмо, позвати нас или доћи у нашу филијалу на адреси "
    "{branch_address}. Чим добијемо Ваш одговор, наставићемо, а настојаћемо да Вам "
    "одговоримо најкасније до {due_date}.\n\n" SIGNATURE_SR },
  { "sr", "resolution", "Наш одговор на Вашу поруку – број предмета {reference}",
    "Поштовани/а {customer_name},\n\n"
    "Пажљиво смо размотрили Вашу поруку (број предмета {reference}).\n\n"
    "Шта се догодило: {problem}\n\n"
    "Шта смо предузели: {solution}\n\n"
    "Шта то значи за Вас: {benefit}\n\n"
    "Ако имате питања у вези с овим одговором, обратите нам се и наведите број предмета "
    "{reference}. Увек сте добродошли у нашу филијалу: {branch_name}, {branch_address}.\n\n"
    SIGNATURE_SR },
  { "sr", "compliment_thanks", "Хвала на похвали – број предмета {reference}",
    "Поштовани/а {customer_name},\n\n"
    "Срдачно Вам захваљујемо на лепим речима. Вашу похвалу пренели смо колегама на које се "
    "односи: много им значи да чују да је њихов рад нешто променио.\n\n"
    "Ваша порука заведена је под бројем {reference}. Радујемо се Вашој следећој посети: "
    "{branch_name}.\n\n" SIGNATURE_SR },

  { "lv", "acknowledgement", "Jūsu iesniegums – reģistrācijas numurs {reference}",
    "Labdien, {customer_name}!\n\n"
    "Paldies, ka sazinājāties ar mums. Jūsu iesniegumu esam saņēmuši un reģistrējuši ar "
    "numuru {reference}. Lūdzu, norādiet šo numuru, kad sazināties ar mums par šo "
    "jautājumu.\n\n"
    "Pilnu atbildi Jūs saņemsiet ne vēlāk kā {due_date}. Ja vēlaties runāt ar mums "
    "klātienē, laipni aicinām uz mūsu filiāli: {branch_name}, {branch_address}.\n\n"
    "Darba laiks:\n{opening_hours}\n\n" SIGNATURE_LV },
  { "lv", "request_information", "Mums nepieciešama papildu informācija – reģistrācijas numurs {reference}",
    "Labdien, {customer_name}!\n\n"
    "Paldies par Jūsu iesniegumu (reģistrācijas numurs {reference}). Lai to pienācīgi "
    "izskatītu, mums no Jums nepieciešama šāda informācija:\n\n"
    "[aprakstiet, kāda informācija nepieciešama]\n\n"
    "Jūs varat atbildēt uz šo vēstuli, piezvanīt mums vai ierasties mūsu filiālē: "
    "{branch_address}. Tiklīdz saņemsim Jūsu atbildi, turpināsim darbu, un atbildi "
    "centīsimies sniegt ne vēlāk kā {due_date}.\n\n" SIGNATURE_LV },
  { "lv", "resolution", "Mūsu atbilde uz Jūsu iesniegumu – reģistrācijas numurs {reference}",
    "Labdien, {customer_name}!\n\n"
    "Esam rūpīgi izskatījuši Jūsu iesniegumu (reģistrācijas numurs {reference}).\n\n"
    "Kas notika: {problem}\n\n"
    "Ko esam darījuši: {solution}\n\n"
    "Ko tas nozīmē Jums: {benefit}\n\n"
    "Ja Jums ir jautājumi par šo atbildi, lūdzu, sazinieties ar mums un norādiet "
    "reģistrācijas numuru {reference}. Vienmēr laipni gaidīsim Jūs mūsu filiālē: "
    "{branch_name}, {branch_address}.\n\n" SIGNATURE_LV },
  { "lv", "compliment_thanks", "Paldies par Jūsu uzslavu – reģistrācijas numurs {reference}",
    "Labdien, {customer_name}!\n\n"
    "Sirsnīgi pateicamies par Jūsu laipnajiem vārdiem. Jūsu uzslavu esam nodevuši "
    "kolēģiem, uz kuriem tā attiecas: viņiem ir ļoti svarīgi dzirdēt, ka viņu darbs ir "
    "bijis nozīmīgs.\n\n"
    "Jūsu iesniegums ir reģistrēts ar numuru {reference}. Priecāsimies Jūs atkal redzēt "
    "mūsu filiālē: {branch_name}.\n\n" SIGNATURE_LV },
};

/* Serbian Cyrillic U+0400..U+045F to Latin, keeping case: Љ → Lj, џ → dž. */
static const char * const serbian_latin[] = {
  /* U+0400 */ "È", "Ë", "Đ", "Ǵ", "Je", "Dz", "I", "Ï", "J", "Lj", "Nj", "Ć", "Ḱ", "Ì", "Ŭ", "Dž",
  /* U+0410 */ "A", "B", "V", "G", "D", "E", "Ž", "Z", "I", "J", "K", "L", "M", "N", "O", "P",
  /* U+0420 */ "R", "S", "T", "U", "F", "H", "C", "Č", "Š", "Šč", "", "Y", "", "E", "Ju", "Ja",
  /* U+0430 */ "a", "b", "v", "g", "d", "e", "ž", "z", "i", "j", "k", "l", "m", "n", "o", "p",
  /* U+0440 */ "r", "s", "t", "u", "f", "h", "c", "č", "š", "šč", "", "y", "", "e", "ju", "ja",
  /* U+0450 */ "è", "ë", "đ", "ǵ", "je", "dz", "i", "ï", "j", "lj", "nj", "ć", "ḱ", "ì", "ŭ", "dž",
};

static char *
serbian_to_latin (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0400 && c <= 0x045F)
        g_string_append (out, serbian_latin[c - 0x0400]);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/* The translated text for sr@latin, made once and kept for the process's life. */
static const char *
latin_cached (const char *cyrillic)
{
  static GHashTable *cache;
  static GMutex lock;
  const char *latin;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  latin = g_hash_table_lookup (cache, cyrillic);
  if (latin == NULL)
    {
      latin = serbian_to_latin (cyrillic);
      g_hash_table_insert (cache, (gpointer) cyrillic, (gpointer) latin);
    }
  g_mutex_unlock (&lock);
  return latin;
}

static gboolean
is_serbian_latin (const char *language)
{
  return g_strcmp0 (language, "sr@latin") == 0;
}

const char * const *
fd_reply_template_codes (void)
{
  return codes;
}

const char *
fd_reply_template_to_label (const char *code)
{
  if (g_strcmp0 (code, "acknowledgement") == 0)     return C_("reply template", "Acknowledgement");
  if (g_strcmp0 (code, "request_information") == 0) return C_("reply template", "Request for information");
  if (g_strcmp0 (code, "resolution") == 0)          return C_("reply template", "Resolution");
  if (g_strcmp0 (code, "compliment_thanks") == 0)   return C_("reply template", "Thanks for a compliment");
  return NULL;
}

gboolean
fd_reply_template_get_default (const char  *code,
                               const char  *language,
                               const char **subject,
                               const char **body)
{
  const char *base = is_serbian_latin (language) ? "sr" : language;
  const Template *fallback = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      const Template *t = &templates[i];

      if (g_strcmp0 (t->code, code) != 0)
        continue;
      if (g_str_equal (t->language, "en"))
        fallback = t;
      if (g_strcmp0 (t->language, base) == 0)
        {
          *subject = is_serbian_latin (language) ? latin_cached (t->subject) : t->subject;
          *body = is_serbian_latin (language) ? latin_cached (t->body) : t->body;
          return TRUE;
        }
    }
  if (fallback == NULL)
    return FALSE;
  *subject = fallback->subject;
  *body = fallback->body;
  return TRUE;
}

const char * const *
fd_reply_template_placeholders (void)
{
  return placeholders;
}

/* Calls @func for each {name} in @text; stops when it returns FALSE. */
typedef gboolean (*PlaceholderFunc) (const char *name, gsize len, gpointer user_data);

static const char *
next_placeholder (const char *p,
                  gsize      *len)
{
  for (const char *open = strchr (p, '{'); open; open = strchr (open + 1, '{'))
    {
      gsize n = strspn (open + 1, "abcdefghijklmnopqrstuvwxyz_");

      if (n > 0 && open[1 + n] == '}')
        {
          *len = n;
          return open;
        }
    }
  return NULL;
}

gboolean
fd_reply_template_check (const char  *text,
                         GError     **error)
{
  const char *p = text;
  gsize len;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, FD_ERROR, FD_ERROR_INVALID, _("The template must be valid text."));
      return FALSE;
    }
  while ((p = next_placeholder (p, &len)) != NULL)
    {
      g_autofree char *name = g_strndup (p + 1, len);

      if (!g_strv_contains (placeholders, name))
        {
          g_set_error (error, FD_ERROR, FD_ERROR_INVALID,
                       /* Translators: %s is a placeholder such as {customer_name} */
                       _("The template uses {%s}, which is not a placeholder Frontdesk knows."), name);
          return FALSE;
        }
      p += len + 2;
    }
  return TRUE;
}

char *
fd_reply_template_fill (const char *text,
                        GHashTable *values)
{
  GString *out = g_string_new (NULL);
  const char *p = text, *open;
  gsize len;

  g_return_val_if_fail (text != NULL, NULL);

  while ((open = next_placeholder (p, &len)) != NULL)
    {
      g_autofree char *name = g_strndup (open + 1, len);
      const char *value = g_hash_table_lookup (values, name);

      g_string_append_len (out, p, open - p);
      if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, open, len + 2);
      p = open + len + 2;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

static const char * const months_en[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"
};
static const char * const months_nl[] = {
  "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
  "oktober", "november", "december"
};
static const char * const months_sr[] = {
  "јануар", "фебруар", "март", "април", "мај", "јун", "јул", "август", "септембар",
  "октобар", "новембар", "децембар"
};

/**
 * fd_letter_format_date:
 *
 * Returns: (transfer full): @date as a letter in @language writes it: “23 November 2026”,
 *   “23 november 2026”, “23. новембар 2026.”, “23. novembar 2026.”, “23.11.2026.”
 */
char *
fd_letter_format_date (GDateTime  *date,
                       const char *language)
{
  int d = g_date_time_get_day_of_month (date);
  int m = g_date_time_get_month (date);
  int y = g_date_time_get_year (date);

  if (g_strcmp0 (language, "nl") == 0)
    return g_strdup_printf ("%d %s %d", d, months_nl[m - 1], y);
  if (g_strcmp0 (language, "sr") == 0)
    return g_strdup_printf ("%d. %s %d.", d, months_sr[m - 1], y);
  if (is_serbian_latin (language))
    return g_strdup_printf ("%d. %s %d.", d, latin_cached (months_sr[m - 1]), y);
  /* Latvian month names take a case that depends on the sentence: digits read well in any. */
  if (g_strcmp0 (language, "lv") == 0)
    return g_strdup_printf ("%02d.%02d.%d.", d, m, y);
  return g_strdup_printf ("%d %s %d", d, months_en[m - 1], y);
}

static const char * const weekdays_en[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
};
static const char * const weekdays_nl[] = {
  "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag"
};
static const char * const weekdays_sr[] = {
  "Понедељак", "Уторак", "Среда", "Четвртак", "Петак", "Субота", "Недеља"
};
static const char * const weekdays_lv[] = {
  "Pirmdiena", "Otrdiena", "Trešdiena", "Ceturtdiena", "Piektdiena", "Sestdiena", "Svētdiena"
};

/* The weekday as it starts a line of opening hours in @language. */
const char *
fd_letter_weekday_name (int         weekday,
                        const char *language)
{
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, NULL);

  if (g_strcmp0 (language, "nl") == 0)
    return weekdays_nl[weekday - 1];
  if (g_strcmp0 (language, "sr") == 0)
    return weekdays_sr[weekday - 1];
  if (is_serbian_latin (language))
    return latin_cached (weekdays_sr[weekday - 1]);
  if (g_strcmp0 (language, "lv") == 0)
    return weekdays_lv[weekday - 1];
  return weekdays_en[weekday - 1];
}

typedef struct
{
  const char *key;
  const char *en, *nl, *sr, *lv;
} Phrase;

static const Phrase phrases[] = {
  { "reference",     "Our reference", "Ons kenmerk",    "Наш број",     "Mūsu reģistrācijas numurs" },
  { "phone",         "Phone",         "Telefoon",       "Телефон",      "Tālrunis" },
  { "email",         "E-mail",        "E-mail",         "Е-пошта",      "E-pasts" },
  { "opening_hours", "Opening hours", "Openingstijden", "Радно време",  "Darba laiks" },
  { "closed",        "closed",        "gesloten",       "затворено",    "slēgts" },
};

/* The few words of a letter's frame (reference, phone, email, opening_hours, closed) in
 * @language. */
const char *
fd_letter_phrase (const char *key,
                  const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    {
      const Phrase *p = &phrases[i];

      if (!g_str_equal (p->key, key))
        continue;
      if (g_strcmp0 (language, "nl") == 0)
        return p->nl;
      if (g_strcmp0 (language, "sr") == 0)
        return p->sr;
      if (is_serbian_latin (language))
        return latin_cached (p->sr);
      if (g_strcmp0 (language, "lv") == 0)
        return p->lv;
      return p->en;
    }
  g_return_val_if_reached (NULL);
}

static gboolean
same_hours (FdBranch *branch,
            int       a,
            int       b)
{
  int oa, ca, ob, cb;
  gboolean open_a = fd_branch_get_hours (branch, a, &oa, &ca);
  gboolean open_b = fd_branch_get_hours (branch, b, &ob, &cb);

  return open_a == open_b && (!open_a || (oa == ob && ca == cb));
}

/**
 * fd_letter_format_hours:
 *
 * Returns: (transfer full): the week's hours in @language, days with the same hours
 *   together (“Maandag–Vrijdag: 09:00–17:00”), joined by @separator
 */
char *
fd_letter_format_hours (FdBranch   *branch,
                    const char *language,
                    const char *separator)
{
  GString *text = g_string_new (NULL);

  for (int first = 1, last; first <= 7; first = last + 1)
    {
      int opens, closes;

      for (last = first; last < 7 && same_hours (branch, first, last + 1); last++)
        ;
      if (text->len)
        g_string_append (text, separator);
      g_string_append (text, fd_letter_weekday_name (first, language));
      if (last > first)
        g_string_append_printf (text, "–%s", fd_letter_weekday_name (last, language));
      if (fd_branch_get_hours (branch, first, &opens, &closes))
        g_string_append_printf (text, ": %02d:%02d–%02d:%02d", opens / 60, opens % 60, closes / 60, closes % 60);
      else
        g_string_append_printf (text, ": %s", fd_letter_phrase ("closed", language));
    }
  return g_string_free (text, FALSE);
}
