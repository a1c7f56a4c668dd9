/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-letter"

#include "config.h"

#include "fd-letter.h"

struct _FdLetter
{
  GObject  parent_instance;

  char    *language;
  char    *branch_name;
  char    *branch_lines;
  char    *recipient;
  char    *reference_line;
  char    *date_line;
  char    *subject;
  char    *body;
  char    *footer;
};

G_DEFINE_FINAL_TYPE (FdLetter, fd_letter, G_TYPE_OBJECT)

static void
fd_letter_finalize (GObject *object)
{
  FdLetter *self = FD_LETTER (object);

  g_free (self->language);
  g_free (self->branch_name);
  g_free (self->branch_lines);
  g_free (self->recipient);
  g_free (self->reference_line);
  g_free (self->date_line);
  g_free (self->subject);
  g_free (self->body);
  g_free (self->footer);
  G_OBJECT_CLASS (fd_letter_parent_class)->finalize (object);
}

static void
fd_letter_class_init (FdLetterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_letter_finalize;
}

static void
fd_letter_init (FdLetter *self)
{
}

FdLetter *
fd_letter_new (const char *language,
               const char *branch_name,
               const char *branch_lines,
               const char *recipient,
               const char *reference_line,
               const char *date_line,
               const char *subject,
               const char *body,
               const char *footer)
{
  FdLetter *self = g_object_new (FD_TYPE_LETTER, NULL);

  self->language = g_strdup (language);
  self->branch_name = g_strdup (branch_name ? branch_name : "");
  self->branch_lines = g_strdup (branch_lines ? branch_lines : "");
  self->recipient = g_strdup (recipient ? recipient : "");
  self->reference_line = g_strdup (reference_line ? reference_line : "");
  self->date_line = g_strdup (date_line ? date_line : "");
  self->subject = g_strdup (subject ? subject : "");
  self->body = g_strdup (body ? body : "");
  self->footer = g_strdup (footer ? footer : "");
  return self;
}

#define GETTER(name) \
  const char *fd_letter_get_##name (FdLetter *self) \
  { \
    g_return_val_if_fail (FD_IS_LETTER (self), NULL); \
    return self->name; \
  }

GETTER (language)
GETTER (branch_name)
GETTER (branch_lines)
GETTER (recipient)
GETTER (reference_line)
GETTER (date_line)
GETTER (subject)
GETTER (body)
GETTER (footer)
