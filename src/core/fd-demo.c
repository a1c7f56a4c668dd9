/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fd-demo.h"
#include "fd-demo-private.h"
#include "fd-fold.h"
#include "fd-store-private.h"

/* Demo customers for the branches Frontdesk serves: the Netherlands, Flanders, Serbia
 * (Cyrillic and Latin script), Latvia, and English speakers. Lists are ordered by how
 * common a name is, and picked with a Zipf law, so "de Jong" and "Јовановић" are common
 * and long tails are rare — as in a real customer base. */

typedef struct
{
  const char * const *items;
  guint               n;
  double             *cumulative;
  char              **cyrillic;     /* the items in Serbian Cyrillic, made once */
} NameList;

#define LIST(array) { array, G_N_ELEMENTS (array), NULL, NULL }

static const char * const nl_family[] = {
  "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
  "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
  "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
  "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
  "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems",
  "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal",
  "Prins", "Blom", "Huisman", "de Jonge", "Kuipers", "van Veen", "Post", "Kuiper", "Veenstra",
  "Kramer", "van den Brink", "Scholten", "van Wijk", "Postma", "Martens", "de Ridder", "Wouters",
  "Bosch", "IJzerman", "van 't Hof", "Çelik", "Ruël", "Noël",
};
static const char * const be_family[] = {
  "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
  "De Smet", "Hermans", "Aerts", "Pauwels", "Van Damme", "Verstraeten", "Desmet", "Van den Broeck",
  "Vermeulen", "De Clercq", "Segers", "Michiels", "Smets", "Martens", "Van de Velde", "Hendrickx",
  "Claeys", "Declercq", "Coppens", "De Wilde", "Stevens", "Lemmens", "Verhaegen", "Van Hove",
  "De Backer", "Thys", "Baert", "Verbeke", "Vandenberghe", "Devos", "Cools",
};
static const char * const nl_given_m[] = {
  "Jan", "Daan", "Sem", "Lucas", "Levi", "Finn", "Bram", "Luuk", "Thomas", "Pieter", "Henk", "Kees",
  "Willem", "Johannes", "Gerrit", "Hendrik", "Cornelis", "Dirk", "Joost", "Ruben", "Thijs",
  "Jeroen", "Bas", "Sander", "Maarten", "Niels", "Wouter", "Koen", "Tim", "Stijn", "Jesse", "Sven",
};
static const char * const nl_given_f[] = {
  "Anna", "Emma", "Julia", "Sophie", "Lotte", "Sanne", "Eva", "Lisa", "Fleur", "Maria", "Johanna",
  "Cornelia", "Anneke", "Marieke", "Ingrid", "Petra", "Els", "Ans", "Mieke", "Femke", "Iris",
  "Noor", "Tess", "Saskia", "Linda", "Ilse", "Marloes", "Esther", "Joke", "Zoë", "Chloë",
};
static const char * const be_given_m[] = {
  "Jan", "Luc", "Marc", "Dirk", "Koen", "Pieter", "Wim", "Bart", "Geert", "Tom", "Stijn", "Jef",
  "Lieven", "Wout", "Arne", "Seppe", "Lars", "Jules", "Louis", "Warre", "Rik", "Frederik",
};
static const char * const be_given_f[] = {
  "An", "Els", "Katrien", "Sofie", "Lien", "Ine", "Marie", "Elise", "Hanne", "Nele", "Griet",
  "Veerle", "Ann", "Lore", "Fien", "Noor", "Ella", "Mila", "Ellen", "Leen",
};
/* Serbian names in Latin script; the Cyrillic customers get them transliterated. */
static const char * const sr_family[] = {
  "Jovanović", "Petrović", "Nikolić", "Marković", "Đorđević", "Stojanović", "Ilić", "Stanković",
  "Pavlović", "Milošević", "Popović", "Đokić", "Živković", "Todorović", "Ristić", "Kostić",
  "Lazić", "Mitrović", "Vasić", "Savić", "Ivanović", "Radovanović", "Tomić", "Mladenović",
  "Milovanović", "Lukić", "Obradović", "Simić", "Kovačević", "Božić", "Stefanović", "Marinković",
  "Filipović", "Babić", "Janković", "Mihajlović", "Ranković", "Stevanović", "Đurić", "Perić",
  "Milenković", "Vuković", "Antić", "Vučković", "Ćirić", "Šarić", "Čolić", "Nedeljković",
  "Ljubičić", "Njegovan", "Džunić", "Jelić",
};
static const char * const sr_given_m[] = {
  "Nikola", "Luka", "Stefan", "Marko", "Milan", "Dragan", "Nenad", "Zoran", "Aleksandar", "Miloš",
  "Dušan", "Vuk", "Đorđe", "Jovan", "Petar", "Nemanja", "Uroš", "Bojan", "Dejan", "Goran",
  "Vladimir", "Srđan", "Željko", "Miodrag", "Ljubomir", "Predrag", "Slobodan", "Dragoljub",
};
static const char * const sr_given_f[] = {
  "Milica", "Jelena", "Ana", "Marija", "Jovana", "Ivana", "Dragana", "Snežana", "Mirjana", "Tijana",
  "Sanja", "Katarina", "Teodora", "Sara", "Nevena", "Ljiljana", "Jasmina", "Biljana", "Zorica",
  "Vesna", "Gordana", "Nataša", "Maja", "Tamara", "Đurđa", "Danica",
};
/* Latvian family names change with gender: even index masculine, the next feminine. */
static const char * const lv_family[] = {
  "Bērziņš", "Bērziņa", "Kalniņš", "Kalniņa", "Ozoliņš", "Ozoliņa", "Jansons", "Jansone",
  "Ozols", "Ozola", "Liepiņš", "Liepiņa", "Krūmiņš", "Krūmiņa", "Balodis", "Balode",
  "Eglītis", "Eglīte", "Zariņš", "Zariņa", "Pētersons", "Pētersone", "Vītols", "Vītola",
  "Kļaviņš", "Kļaviņa", "Kārkliņš", "Kārkliņa", "Vanags", "Vanaga", "Zvirbulis", "Zvirbule",
  "Jēkabsons", "Jēkabsone", "Lācis", "Lāce", "Siliņš", "Siliņa", "Krastiņš", "Krastiņa",
  "Putniņš", "Putniņa", "Āboliņš", "Āboliņa", "Gailis", "Gaile", "Freimanis", "Freimane",
  "Rozītis", "Rozīte", "Sproģis", "Sproģe", "Celmiņš", "Celmiņa", "Šmits", "Šmite",
};
static const char * const lv_given_m[] = {
  "Jānis", "Andris", "Juris", "Pēteris", "Mārtiņš", "Edgars", "Kārlis", "Aivars", "Valdis",
  "Roberts", "Artūrs", "Gints", "Raimonds", "Uldis", "Dāvis", "Emīls", "Oskars", "Ivars", "Māris",
  "Guntis", "Ģirts", "Aigars",
};
static const char * const lv_given_f[] = {
  "Anna", "Kristīne", "Inese", "Līga", "Ilze", "Laura", "Elīna", "Dace", "Ieva", "Sanita", "Santa",
  "Agnese", "Zane", "Baiba", "Marta", "Sofija", "Evelīna", "Līva", "Vija", "Inga", "Ērika",
};
static const char * const en_family[] = {
  "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
  "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green",
  "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper",
  "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
  "O'Brien", "Murphy", "Scott", "Phillips", "Watson", "Parker", "Price", "Bennett", "Young",
};
static const char * const en_given_m[] = {
  "Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Thomas", "Oscar", "William",
  "James", "David", "John", "Michael", "Peter", "Paul", "Richard", "Mark", "Daniel", "Andrew",
};
static const char * const en_given_f[] = {
  "Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Mia", "Poppy", "Ella", "Sarah",
  "Emma", "Jessica", "Rachel", "Hannah", "Laura", "Rebecca", "Charlotte", "Lucy", "Helen",
};

static const char * const nl_streets[] = {
  "Kerkstraat", "Schoolstraat", "Molenweg", "Dorpsstraat", "Stationsweg", "Julianastraat",
  "Beatrixlaan", "Wilhelminastraat", "Nieuwstraat", "Marktplein", "Hoofdstraat", "Parkweg",
};
static const char * const nl_cities[] = {
  "1011 AB Amsterdam", "3011 CD Rotterdam", "2511 EF Den Haag", "3511 GH Utrecht",
  "5611 JK Eindhoven", "9711 LM Groningen", "6511 NP Nijmegen", "8011 RS Zwolle", "4811 TV Breda",
};
static const char * const be_streets[] = {
  "Stationsstraat", "Kerkstraat", "Dorpstraat", "Molenstraat", "Veldstraat", "Schoolstraat",
  "Nieuwstraat", "Kapelstraat", "Brugstraat", "Meir",
};
static const char * const be_cities[] = {
  "2000 Antwerpen", "9000 Gent", "8000 Brugge", "3000 Leuven", "2800 Mechelen", "3500 Hasselt",
  "8500 Kortrijk", "9300 Aalst",
};
static const char * const sr_streets[] = {
  "Bulevar oslobođenja", "Knez Mihailova", "Njegoševa", "Kralja Petra", "Cara Dušana",
  "Svetog Save", "Vojvode Stepe", "Jurija Gagarina", "Nemanjina", "Karađorđeva",
};
static const char * const sr_cities[] = {
  "11000 Beograd", "21000 Novi Sad", "18000 Niš", "34000 Kragujevac", "24000 Subotica",
  "32000 Čačak", "36000 Kraljevo", "14000 Valjevo",
};
static const char * const lv_streets[] = {
  "Brīvības iela", "Elizabetes iela", "Tērbatas iela", "Krišjāņa Barona iela", "Lāčplēša iela",
  "Dzirnavu iela", "Rīgas iela", "Skolas iela", "Pils iela", "Ganību dambis",
};
static const char * const lv_cities[] = {
  "Rīga, LV-1010", "Rīga, LV-1050", "Daugavpils, LV-5401", "Liepāja, LV-3401", "Jelgava, LV-3001",
  "Jūrmala, LV-2015", "Ventspils, LV-3601", "Valmiera, LV-4201",
};
static const char * const en_streets[] = {
  "High Street", "Station Road", "Main Street", "Park Road", "Church Road", "London Road",
  "Victoria Road", "Green Lane", "Manor Road", "Church Street",
};
static const char * const en_cities[] = {
  "London SW1A 1AA", "Manchester M1 1AE", "Birmingham B1 1BB", "Leeds LS1 1UR", "Bristol BS1 4DJ",
  "Cardiff CF10 1EP", "Glasgow G1 1XQ", "Dublin D02 X285",
};

typedef enum
{
  GROUP_NL,
  GROUP_BE,
  GROUP_SR_CYRL,
  GROUP_SR_LATN,
  GROUP_LV,
  GROUP_EN,
} Group;

typedef struct
{
  const char *language;
  const char *email_domain;
  NameList    family;
  NameList    given_m;
  NameList    given_f;
  NameList    streets;
  NameList    cities;
  double      share;
} GroupData;

static GroupData groups[] = {
  [GROUP_NL] = { "nl", "example.nl", LIST (nl_family), LIST (nl_given_m), LIST (nl_given_f),
                 LIST (nl_streets), LIST (nl_cities), 0.33 },
  [GROUP_BE] = { "nl", "example.be", LIST (be_family), LIST (be_given_m), LIST (be_given_f),
                 LIST (be_streets), LIST (be_cities), 0.15 },
  [GROUP_SR_CYRL] = { "sr", "primer.rs", LIST (sr_family), LIST (sr_given_m), LIST (sr_given_f),
                      LIST (sr_streets), LIST (sr_cities), 0.16 },
  [GROUP_SR_LATN] = { "sr@latin", "primer.rs", LIST (sr_family), LIST (sr_given_m), LIST (sr_given_f),
                      LIST (sr_streets), LIST (sr_cities), 0.12 },
  [GROUP_LV] = { "lv", "piemers.lv", LIST (lv_family), LIST (lv_given_m), LIST (lv_given_f),
                 LIST (lv_streets), LIST (lv_cities), 0.14 },
  [GROUP_EN] = { "en", "example.co.uk", LIST (en_family), LIST (en_given_m), LIST (en_given_f),
                 LIST (en_streets), LIST (en_cities), 0.10 },
};

static void
name_list_prepare (NameList *list)
{
  double total = 0;

  if (list->cumulative != NULL)
    return;

  list->cyrillic = g_new0 (char *, list->n + 1);
  for (guint i = 0; i < list->n; i++)
    list->cyrillic[i] = _fd_demo_to_cyrillic (list->items[i]);

  list->cumulative = g_new (double, list->n);
  for (guint i = 0; i < list->n; i++)
    {
      total += 1.0 / pow (i + 1, 0.9);
      list->cumulative[i] = total;
    }
  for (guint i = 0; i < list->n; i++)
    list->cumulative[i] /= total;
}

/* Zipf pick: a binary search in the cumulative weights. */
static guint
pick_index (NameList *list,
            Rng      *rng)
{
  double r = rng_double (rng);
  guint lo = 0, hi = list->n - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (list->cumulative[mid] < r)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static const char *
item (const NameList *list,
      guint           index,
      gboolean        cyrillic)
{
  return cyrillic ? list->cyrillic[index] : list->items[index];
}

static const char *
pick (NameList *list,
      Rng      *rng,
      gboolean  cyrillic)
{
  return item (list, pick_index (list, rng), cyrillic);
}

static const char *
pick_uniform (const NameList *list,
              Rng            *rng,
              gboolean        cyrillic)
{
  return item (list, rng_range (rng, list->n), cyrillic);
}

/* Serbian Latin to Cyrillic, digraphs first (lj → љ, nj → њ, dž → џ). */
/* Serbian Latin to Cyrillic: names here, and the demo claims' texts. */
char *
_fd_demo_to_cyrillic (const char *latin)
{
  static const struct { const char *from; const char *to; } map[] = {
    { "Lj", "Љ" }, { "LJ", "Љ" }, { "lj", "љ" }, { "Nj", "Њ" }, { "NJ", "Њ" }, { "nj", "њ" },
    { "Dž", "Џ" }, { "dž", "џ" }, { "Đ", "Ђ" }, { "đ", "ђ" }, { "Č", "Ч" }, { "č", "ч" },
    { "Ć", "Ћ" }, { "ć", "ћ" }, { "Š", "Ш" }, { "š", "ш" }, { "Ž", "Ж" }, { "ž", "ж" },
    { "A", "А" }, { "a", "а" }, { "B", "Б" }, { "b", "б" }, { "V", "В" }, { "v", "в" },
    { "G", "Г" }, { "g", "г" }, { "D", "Д" }, { "d", "д" }, { "E", "Е" }, { "e", "е" },
    { "Z", "З" }, { "z", "з" }, { "I", "И" }, { "i", "и" }, { "J", "Ј" }, { "j", "ј" },
    { "K", "К" }, { "k", "к" }, { "L", "Л" }, { "l", "л" }, { "M", "М" }, { "m", "м" },
    { "N", "Н" }, { "n", "н" }, { "O", "О" }, { "o", "о" }, { "P", "П" }, { "p", "п" },
    { "R", "Р" }, { "r", "р" }, { "S", "С" }, { "s", "с" }, { "T", "Т" }, { "t", "т" },
    { "U", "У" }, { "u", "у" }, { "F", "Ф" }, { "f", "ф" }, { "H", "Х" }, { "h", "х" },
    { "C", "Ц" }, { "c", "ц" },
  };
  GString *out = g_string_new (NULL);

  for (const char *p = latin; *p; )
    {
      gboolean done = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (map) && !done; i++)
        if (g_str_has_prefix (p, map[i].from))
          {
            g_string_append (out, map[i].to);
            p += strlen (map[i].from);
            done = TRUE;
          }
      if (!done)
        {
          const char *next = g_utf8_next_char (p);
          g_string_append_len (out, p, next - p);
          p = next;
        }
    }
  return g_string_free (out, FALSE);
}

/* The ASCII local part of an e-mail address: "Đorđe" → "djordje". */
static void
append_email_word (GString    *out,
                   const char *name)
{
  g_autofree char *folded = fd_fold (name);

  for (const char *p = folded; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, *p);
}

static char *
make_phone (Group  group,
            Rng   *rng)
{
  guint a = rng_range (rng, 10000), b = rng_range (rng, 10000);

  switch (group)
    {
    case GROUP_NL:      return g_strdup_printf ("+31 6 %04u %04u", a, b);
    case GROUP_BE:      return g_strdup_printf ("+32 47%u %02u %02u %02u", a % 10, a / 100, b % 100, b / 100);
    case GROUP_SR_CYRL:
    case GROUP_SR_LATN: return g_strdup_printf ("+381 6%u %03u %04u", a % 10, a / 10, b);
    case GROUP_LV:      return g_strdup_printf ("+371 2%03u %04u", a / 10, b);
    case GROUP_EN:
    default:            return g_strdup_printf ("+44 7700 %03u%03u", a % 1000, b % 1000);
    }
}

static char *
make_address (Group      group,
              GroupData *data,
              Rng       *rng)
{
  gboolean cyrillic = group == GROUP_SR_CYRL;
  const char *street = pick_uniform (&data->streets, rng, cyrillic);
  const char *city = pick_uniform (&data->cities, rng, cyrillic);
  guint number = 1 + rng_range (rng, 180);

  if (group == GROUP_EN)
    return g_strdup_printf ("%u %s\n%s", number, street, city);
  if (group == GROUP_LV)
    return g_strdup_printf ("%s %u-%u\n%s", street, number, 1 + rng_range (rng, 40), city);
  return g_strdup_printf ("%s %u\n%s", street, number, city);
}

static char *
make_organisation (Group       group,
                   const char *family,
                   Rng        *rng)
{
  static const char * const forms[][3] = {
    [GROUP_NL] = { "Bakkerij %s", "%s Installatietechniek B.V.", "Garage %s" },
    [GROUP_BE] = { "Brouwerij %s", "%s & Zonen BV", "Schrijnwerkerij %s" },
    [GROUP_SR_CYRL] = { "%s д.о.о.", "Пекара %s", "Ауто сервис %s" },
    [GROUP_SR_LATN] = { "%s d.o.o.", "Pekara %s", "Auto servis %s" },
    [GROUP_LV] = { "SIA %s", "%s un partneri", "ZS %s" },
    [GROUP_EN] = { "%s & Sons Ltd", "%s Plumbing", "The %s Bakery" },
  };
  const char *form = forms[group][rng_range (rng, 3)];

  return g_strdup_printf (form, family);
}

/* A company has a handful of internal departments, not thousands: the first rows of a
 * demo are its departments, one customer each, and nobody else is internal. */
static const struct
{
  Group       group;
  const char *name;
} departments[] = {
  { GROUP_NL, "Afdeling Financiën" }, { GROUP_NL, "ICT-servicedesk" }, { GROUP_NL, "Personeelszaken" },
  { GROUP_BE, "Dienst Boekhouding" }, { GROUP_BE, "Aankoopdienst" },
  { GROUP_SR_CYRL, "Финансијска служба" }, { GROUP_SR_CYRL, "Служба набавке" },
  { GROUP_SR_LATN, "IT podrška" },
  { GROUP_LV, "Grāmatvedība" }, { GROUP_LV, "IT nodaļa" },
  { GROUP_EN, "Facilities" },
};

static Group
pick_group (Rng *rng)
{
  double r = rng_double (rng);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      if (r < groups[g].share)
        return g;
      r -= groups[g].share;
    }
  return GROUP_NL;
}

/* Dates are fixed, not relative to today, so a seed always gives the same database:
 * customers since 2020, born 1935–2007. */
#define DEMO_FROM 1577836800  /* 2020-01-01 */
#define DEMO_SPAN (6 * 365 * 86400)

static FdBulkRow *
make_row (Rng   *rng,
          guint  index)
{
  static const FdChannel channels[] = {
    FD_CHANNEL_IN_PERSON, FD_CHANNEL_IN_PERSON, FD_CHANNEL_IN_PERSON, FD_CHANNEL_IN_PERSON,
    FD_CHANNEL_PHONE, FD_CHANNEL_PHONE, FD_CHANNEL_EMAIL, FD_CHANNEL_EMAIL, FD_CHANNEL_LETTER,
    FD_CHANNEL_NONE,
  };
  Group group = pick_group (rng);
  GroupData *data = &groups[group];
  gboolean female = rng_next (rng) & 1;
  guint kind_roll = rng_range (rng, 100);
  guint family_index = pick_index (&data->family, rng);
  gboolean cyrillic = group == GROUP_SR_CYRL;
  const char *family;
  g_autofree char *organisation = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *address = NULL;
  FdCustomerFields fields = { 0 };

  /* Latvian feminine family names sit right after the masculine ones. */
  if (group == GROUP_LV)
    family_index = (family_index & ~1u) + (female ? 1 : 0);
  family = item (&data->family, family_index, cyrillic);

  fields.kind = index < G_N_ELEMENTS (departments) ? FD_CUSTOMER_KIND_INTERNAL
              : kind_roll < 96 ? FD_CUSTOMER_KIND_PERSON : FD_CUSTOMER_KIND_ORGANISATION;
  if (fields.kind == FD_CUSTOMER_KIND_INTERNAL)
    {
      group = departments[index].group;
      data = &groups[group];
    }

  if (fields.kind == FD_CUSTOMER_KIND_PERSON)
    {
      fields.given_name = pick (female ? &data->given_f : &data->given_m, rng, cyrillic);
      fields.family_name = family;
      fields.birth_year = 1935 + (int) rng_range (rng, 73);
    }
  else if (fields.kind == FD_CUSTOMER_KIND_ORGANISATION)
    {
      organisation = make_organisation (group, family, rng);
      fields.family_name = organisation;
    }
  else
    fields.family_name = departments[index].name;

  if (rng_range (rng, 100) < 65)
    {
      GString *local = g_string_new (NULL);

      if (fields.given_name)
        {
          append_email_word (local, fields.given_name);
          g_string_append_c (local, '.');
        }
      append_email_word (local, fields.family_name);
      if (rng_range (rng, 3) == 0)
        g_string_append_printf (local, "%u", rng_range (rng, 100));
      g_string_append_printf (local, "@%s", data->email_domain);
      email = g_string_free (local, FALSE);
    }
  if (rng_range (rng, 100) < 85)
    phone = make_phone (group, rng);
  if (rng_range (rng, 100) < 80)
    address = make_address (group, data, rng);

  fields.email = email;
  fields.phone = phone;
  fields.address = address;
  fields.language = data->language;
  fields.channel = channels[rng_range (rng, G_N_ELEMENTS (channels))];
  fields.created_at = DEMO_FROM + (gint64) (rng_next (rng) % DEMO_SPAN);

  return _fd_bulk_row_new (&fields);
}

static void
prepare_lists (void)
{
  static gsize prepared = 0;

  if (!g_once_init_enter (&prepared))
    return;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      name_list_prepare (&groups[g].family);
      name_list_prepare (&groups[g].given_m);
      name_list_prepare (&groups[g].given_f);
      name_list_prepare (&groups[g].streets);
      name_list_prepare (&groups[g].cities);
    }
  g_once_init_leave (&prepared, 1);
}

/* Rows are made on a producer thread (names, folding: half the work) while this thread
 * writes them; a short queue of batches keeps memory flat. */
#define BATCH_SIZE   2048
#define MAX_BATCHES  8

typedef struct
{
  GAsyncQueue *batches;    /* GPtrArray of FdBulkRow; an empty one ends the stream */
  GAsyncQueue *written;    /* batches back from the writer, freed here: frees cost too */
  Rng          rng;
  guint        n;
  gint         stop;
} Producer;

static gpointer
produce (gpointer data)
{
  Producer *producer = data;
  guint made = 0;

  while (made < producer->n && !g_atomic_int_get (&producer->stop))
    {
      GPtrArray *batch = g_ptr_array_new_with_free_func ((GDestroyNotify) _fd_bulk_row_free);

      for (guint i = 0; i < BATCH_SIZE && made < producer->n; i++, made++)
        g_ptr_array_add (batch, make_row (&producer->rng, made));

      while (g_async_queue_length (producer->batches) >= MAX_BATCHES &&
             !g_atomic_int_get (&producer->stop))
        g_usleep (100);
      g_async_queue_push (producer->batches, batch);

      while ((batch = g_async_queue_try_pop (producer->written)))
        g_ptr_array_unref (batch);
    }

  g_async_queue_push (producer->batches, g_ptr_array_new ());
  return NULL;
}

/**
 * fd_demo_generate:
 *
 * Adds deterministic demo customers in one transaction: all of them or none.
 */
gboolean
fd_demo_generate (FdStore  *store,
                  guint     n_customers,
                  guint64   seed,
                  GError  **error)
{
  g_autoptr(FdBulkInsert) bulk = NULL;
  Producer producer = { 0 };
  GThread *thread;
  gboolean ok = TRUE;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  prepare_lists ();
  if (!(bulk = _fd_store_bulk_begin (store, n_customers, error)))
    return FALSE;

  producer.batches = g_async_queue_new_full ((GDestroyNotify) g_ptr_array_unref);
  producer.written = g_async_queue_new_full ((GDestroyNotify) g_ptr_array_unref);
  producer.rng.state = seed * 0x2545F4914F6CDD1Dull + 1;
  producer.n = n_customers;
  thread = g_thread_new ("fd-demo", produce, &producer);

  for (;;)
    {
      GPtrArray *batch = g_async_queue_pop (producer.batches);

      if (batch->len == 0)
        {
          g_ptr_array_unref (batch);
          break;
        }
      for (guint i = 0; ok && i < batch->len; i++)
        ok = _fd_store_bulk_add (bulk, batch->pdata[i], error);
      if (!ok)
        g_atomic_int_set (&producer.stop, 1);
      g_async_queue_push (producer.written, batch);
    }

  g_thread_join (thread);
  g_async_queue_unref (producer.batches);
  g_async_queue_unref (producer.written);

  return ok && _fd_store_bulk_commit (bulk, error);
}

/* The demo's branches: one per country, with its desks, staff and questionnaire in the
 * branch's language. */
static const struct
{
  const char *name;
  const char *country;
  const char *address;
  const char *phone;
  const char *email;
  int         opens;       /* weekdays, minutes after midnight */
  int         closes;
  int         saturday_closes;   /* 0: closed on Saturday; opens at 10:00 otherwise */
  guint       desks;
  double      size;        /* share of the visits */
  const char *staff[4];
  const char *questions[4];   /* NULL-terminated */
} demo_branches[] = {
  { "Amsterdam Centrum", "NL", "Damrak 70\n1012 LM Amsterdam", "+31 20 123 4567", "amsterdam@example.nl",
    9 * 60, 17 * 60, 14 * 60, 4, 0.32,
    { "Sanne de Vries", "Daan Bakker", "Fleur Jansen", "Pieter Visser" },
    { "Waarmee kunnen we u helpen?", "Sinds wanneer speelt dit?", "Hoe wilt u op de hoogte blijven?" } },
  { "Gent Kouter", "BE", "Kouter 29\n9000 Gent", "+32 9 123 45 67", "gent@example.be",
    9 * 60, 17 * 60 + 30, 0, 3, 0.22,
    { "Els Peeters", "Koen Maes", "Lien Claes", NULL },
    { "Waarmee kunnen we u helpen?", "Sinds wanneer speelt dit?", "Hoe wilt u op de hoogte blijven?" } },
  { "Београд Центар", "RS", "Кнез Михаилова 10\n11000 Београд", "+381 11 123 4567", "beograd@primer.rs",
    8 * 60, 16 * 60, 13 * 60, 4, 0.28,
    { "Милица Јовановић", "Марко Петровић", "Јелена Николић", "Никола Илић" },
    { "Како можемо да вам помогнемо?", "Од када траје проблем?", "Како желите да вас обавестимо?" } },
  { "Rīga Centrs", "LV", "Brīvības iela 40\nRīga, LV-1050", "+371 6712 3456", "riga@piemers.lv",
    9 * 60, 18 * 60, 0, 3, 0.18,
    { "Līga Bērziņa", "Jānis Kalniņš", "Inese Ozola", NULL },
    { "Kā mēs varam palīdzēt?", "Kopš kura laika tas notiek?", "Kā vēlaties saņemt ziņas?" } },
};

typedef struct
{
  gint64  id;
  gint64  desks[4];
  guint   n_desks;
  gint64  staff[4];
  guint   n_staff;
} DemoBranch;

static gboolean
make_demo_branches (FdStore     *store,
                    DemoBranch  *out,
                    GError     **error)
{
  for (guint b = 0; b < G_N_ELEMENTS (demo_branches); b++)
    {
      g_autoptr(FdBranch) draft = fd_branch_new ();
      g_autoptr(FdBranch) branch = NULL;

      fd_branch_set_name (draft, demo_branches[b].name);
      fd_branch_set_country (draft, demo_branches[b].country);
      fd_branch_set_address (draft, demo_branches[b].address);
      fd_branch_set_phone (draft, demo_branches[b].phone);
      fd_branch_set_email (draft, demo_branches[b].email);
      for (int d = 1; d <= 5; d++)
        fd_branch_set_hours (draft, d, demo_branches[b].opens, demo_branches[b].closes);
      fd_branch_set_hours (draft, 6, demo_branches[b].saturday_closes ? 10 * 60 : -1,
                           demo_branches[b].saturday_closes);
      fd_branch_set_hours (draft, 7, -1, -1);
      if (!(branch = fd_store_add_branch (store, draft, error)) ||
          !fd_store_set_questions (store, fd_branch_get_id (branch), demo_branches[b].questions, error))
        return FALSE;

      out[b].id = fd_branch_get_id (branch);
      for (guint i = 0; i < demo_branches[b].desks; i++)
        {
          /* Translators: the name of a demo desk, %u its number */
          g_autofree char *name = g_strdup_printf (_("Desk %u"), i + 1);
          g_autoptr(FdDesk) desk = fd_store_add_desk (store, out[b].id, name, error);

          if (desk == NULL)
            return FALSE;
          out[b].desks[out[b].n_desks++] = fd_desk_get_id (desk);
        }
      for (guint i = 0; i < G_N_ELEMENTS (demo_branches[b].staff) && demo_branches[b].staff[i]; i++)
        {
          gint64 id = fd_store_add_staff (store, out[b].id, demo_branches[b].staff[i],
                                          i == 0 ? "manager" : i == 1 ? "receptionist" : "branch_staff",
                                          error);
          if (id == 0)
            return FALSE;
          out[b].staff[out[b].n_staff++] = id;
        }
    }

  return fd_store_get_current_branch (store) != 0 ||
         fd_store_set_current_branch (store, out[0].id, error);
}

static int
compare_gint64_asc (gconstpointer a,
                    gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

/* Busy Mondays and Fridays, quiet Saturdays; peaks in the holidays (July, August,
 * December), as the seasonal cycles of the seeds describe. */
static double
day_weight (int weekday,
            int month)
{
  static const double weekdays[] = { 1.3, 1.0, 0.9, 1.0, 1.2, 0.7, 0 };
  static const double months[] = { 0.9, 0.85, 0.95, 1.0, 1.0, 1.05, 1.25, 1.3, 1.0, 0.95, 1.0, 1.2 };

  return weekdays[weekday - 1] * months[month - 1];
}

/* Late morning and early afternoon peaks within the opening hours. */
static double
hour_weight (int hour)
{
  static const double hours[24] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0.6, 0.9, 1.4, 1.5, 1.0, 0.9, 1.3, 1.2, 0.9, 0.6, 0.4, 0, 0, 0, 0, 0,
  };
  return hours[hour];
}

/* Minutes of service, log-normal-ish around a technique's typical length: empathy costs
 * the operator more time, as the seeds say. */
static gint64
service_seconds (Rng        *rng,
                 const char *technique)
{
  double typical = g_str_equal (technique, "empathy") ? 13 : g_str_equal (technique, "questioning") ? 10 : 8;
  double factor = exp ((rng_double (rng) + rng_double (rng) + rng_double (rng) - 1.5) * 0.6);

  return (gint64) (typical * factor * 60) + 30;
}

static int
rating (Rng        *rng,
        const char *technique)
{
  double r = rng_double (rng) - (g_str_equal (technique, "empathy") ? 0.08 : 0);

  if (rng_double (rng) < 0.35)
    return 0;   /* skipped */
  return r < 0.45 ? 5 : r < 0.75 ? 4 : r < 0.90 ? 3 : r < 0.96 ? 2 : 1;
}

/**
 * fd_demo_generate_visits:
 *
 * Adds the demo branches and @n_visits visits over the three years before @until, in one
 * transaction for the visits.
 */
gboolean
fd_demo_generate_visits (FdStore  *store,
                         guint     n_visits,
                         guint64   seed,
                         gint64    until,
                         GError  **error)
{
  static const char * const purposes[] = { "information", "purchase", "technical_service", "claim", "renewal", "other" };
  static const double purpose_weights[] = { 0.35, 0.20, 0.15, 0.08, 0.12, 0.10 };
  static const char * const letters[] = { "A", "B", "C", "D", "E", "F" };
  static const char * const techniques[] = { "explanation", "empathy", "questioning" };
  static const double technique_weights[] = { 0.45, 0.25, 0.30 };
  static const char * const outcomes[] = { "resolved", "follow_up", "referred", "claim_opened" };
  static const double outcome_weights[] = { 0.70, 0.14, 0.09, 0.07 };
  DemoBranch branches[G_N_ELEMENTS (demo_branches)] = { { 0 } };
  g_autoptr(FdBulkVisits) bulk = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  Rng rng = { seed };
  gint64 first_customer, last_customer;
  const int n_days = 3 * 365;
  double total = 0, carried = 0;
  guint made = 0, last_open = 0;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  /* Scramble the seed: splitmix64 steps by a constant, so nearby seeds would otherwise
   * give the same sequence shifted by a draw. */
  rng.state = rng_next (&rng) ^ 0x5DEECE66Dull;
  if (!make_demo_branches (store, branches, error))
    return FALSE;
  _fd_store_customer_id_range (store, &first_customer, &last_customer);

  {
    g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (until);
    end = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                 g_date_time_get_day_of_month (local), 0, 0, 0);
  }

  /* Weights of every (day, branch) first, so the visits add up to exactly n_visits. */
  for (int d = n_days; d > 0; d--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (end, -d);
      int weekday = g_date_time_get_day_of_week (day);

      for (guint b = 0; b < G_N_ELEMENTS (demo_branches); b++)
        {
          gboolean open = weekday <= 5 || (weekday == 6 && demo_branches[b].saturday_closes);
          double w = open ? day_weight (weekday, g_date_time_get_month (day)) * demo_branches[b].size : 0;

          if (w > 0)
            last_open = weights->len;
          g_array_append_val (weights, w);
          total += w;
        }
    }

  if (!(bulk = _fd_store_bulk_visits_begin (store, n_visits, error)))
    return FALSE;

  for (int d = n_days, slot = 0; d > 0; d--)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (end, -d);
      int weekday = g_date_time_get_day_of_week (day);
      int day_code = g_date_time_get_year (day) * 10000 + g_date_time_get_month (day) * 100 +
                     g_date_time_get_day_of_month (day);

      for (guint b = 0; b < G_N_ELEMENTS (demo_branches); b++, slot++)
        {
          double exact = g_array_index (weights, double, slot) / total * n_visits + carried;
          guint count = (guint) exact;
          int opens = demo_branches[b].opens / 60;
          int closes = weekday == 6 ? demo_branches[b].saturday_closes / 60 : demo_branches[b].closes / 60;
          g_autoptr(GArray) arrivals = g_array_new (FALSE, FALSE, sizeof (gint64));
          double hours_total = 0;

          carried = exact - count;
          if ((guint) slot == last_open)
            count = n_visits - made;   /* the rounding's last crumbs, on the last open day */
          if (count == 0)
            continue;

          if (weekday == 6)
            opens = 10;
          for (int h = opens; h < closes; h++)
            hours_total += hour_weight (h);

          /* Arrival times of the day, in order: an hour by weight, a second within it. */
          for (guint i = 0; i < count; i++)
            {
              double r = rng_double (&rng) * hours_total;
              int h = opens;
              g_autoptr(GDateTime) hour_start = NULL;
              gint64 at;

              while (h < closes - 1 && r >= hour_weight (h))
                r -= hour_weight (h++);
              hour_start = g_date_time_add_hours (day, h);
              at = g_date_time_to_unix (hour_start) + rng_range (&rng, 3600);
              g_array_append_val (arrivals, at);
            }
          g_array_sort (arrivals, compare_gint64_asc);

          for (guint i = 0; i < count; i++, made++)
            {
              gint64 arrived = g_array_index (arrivals, gint64, i);
              const char *purpose = pick_weighted (&rng, purposes, purpose_weights, G_N_ELEMENTS (purposes));
              const char *technique = pick_weighted (&rng, techniques, technique_weights, G_N_ELEMENTS (techniques));
              guint purpose_index = 0;
              g_autofree char *ticket = NULL;
              g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (arrived);
              g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, _fd_local_time_zone ());
              double roll = rng_double (&rng);
              FdVisitRow row = { 0 };

              while (!g_str_equal (purposes[purpose_index], purpose))
                purpose_index++;
              ticket = g_strdup_printf ("%s-%03u", letters[purpose_index], i + 1);

              row.branch_id = branches[b].id;
              row.customer_id = last_customer > 0 && rng_double (&rng) > 0.15
                ? first_customer + (gint64) (rng_next (&rng) % (guint64) (last_customer - first_customer + 1)) : 0;
              row.day = day_code;
              row.number = i + 1;
              row.ticket = ticket;
              row.purpose = purpose;
              row.priority = rng_double (&rng) < 0.06 ? (rng_double (&rng) < 0.5 ? "appointment" : "assistance") : NULL;
              row.arrived_at = arrived;
              row.weekday = g_date_time_get_day_of_week (local);
              row.hour = g_date_time_get_hour (local);
              row.desk_id = branches[b].desks[rng_range (&rng, branches[b].n_desks)];
              row.staff_id = branches[b].staff[rng_range (&rng, branches[b].n_staff)];

              if (roll < 0.01)
                {
                  row.state = "cancelled";
                  row.desk_id = row.staff_id = 0;
                  row.finished_at = arrived + 300;
                }
              else if (roll < 0.04)
                {
                  row.state = "no_show";
                  row.called_at = arrived + 60 + rng_range (&rng, 1500);
                  row.finished_at = row.called_at + 120;
                  row.staff_id = 0;
                }
              else
                {
                  row.state = "finished";
                  row.called_at = arrived + 30 + rng_range (&rng, 60 * (5 + 3 * (row.hour == 11 || row.hour == 14) * 5));
                  row.finished_at = row.called_at + service_seconds (&rng, technique);
                  row.technique = technique;
                  row.outcome = pick_weighted (&rng, outcomes, outcome_weights, G_N_ELEMENTS (outcomes));
                  row.rating_solved = rating (&rng, technique);
                  row.rating_staff = row.rating_solved ? rating (&rng, technique) : 0;
                  if (row.rating_solved && !row.rating_staff)
                    row.rating_staff = row.rating_solved;
                }

              if (!_fd_store_bulk_visits_add (bulk, &row, error))
                return FALSE;
            }
        }
    }

  return _fd_store_bulk_visits_commit (bulk, error);
}
