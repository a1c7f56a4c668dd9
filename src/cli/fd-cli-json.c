/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include "fd-branch.h"
#include "fd-claim.h"
#include "fd-claim-message.h"
#include "fd-customer.h"
#include "fd-desk.h"
#include "fd-followup.h"
#include "fd-visit.h"

#include "fd-cli-private.h"

static void
add_text (JsonBuilder *builder,
          const char  *key,
          const char  *value)
{
  json_builder_set_member_name (builder, key);

  if (value == NULL || value[0] == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_time (JsonBuilder *builder,
          const char  *key,
          gint64       unix_time)
{
  g_autofree char *iso = NULL;

  /* 0 is how the API says “never” (archived_at of an active customer). */
  if (unix_time != 0)
    iso = _fd_cli_format_iso_time (unix_time);

  json_builder_set_member_name (builder, key);

  if (iso == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, iso);
}

static void
add_id (JsonBuilder *builder,
        const char  *key,
        gint64       id)
{
  json_builder_set_member_name (builder, key);

  /* 0 is how the API says “none” (an anonymous visitor, a visit not at a desk yet). */
  if (id == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, id);
}

static void
add_rating (JsonBuilder *builder,
            const char  *key,
            int          rating)
{
  json_builder_set_member_name (builder, key);

  /* 0 is a skipped question. */
  if (rating == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, rating);
}

static void
add_clock (JsonBuilder *builder,
           const char  *key,
           int          minutes)
{
  json_builder_set_member_name (builder, key);

  if (minutes < 0)
    {
      json_builder_add_null_value (builder);
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

      json_builder_add_string_value (builder, text);
    }
}

/* Keys are the database's column names, so scripts can move between the two. */
/* Prints @items as a JSON array, each item added by @add_item. */
void
_fd_cli_print_json_array (GPtrArray        *items,
                          FdCliAddJsonFunc  add_item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    add_item (builder, g_ptr_array_index (items, i));
  json_builder_end_array (builder);

  _fd_cli_print_json_builder (builder);
}

void
_fd_cli_print_code_labels_json (const char * const *codes,
                                const char * const *labels)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, codes[i]);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder,
                                     labels != NULL && labels[i] != NULL ? labels[i]
                                                                          : codes[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  _fd_cli_print_json_builder (builder);
}

void
_fd_cli_add_customer_json (JsonBuilder *builder,
                           FdCustomer  *customer)
{
  FdChannel channel = fd_customer_get_channel (customer);
  int birth_year = fd_customer_get_birth_year (customer);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, fd_customer_get_id (customer));

  add_text (builder, "kind", fd_customer_kind_to_code (fd_customer_get_kind (customer)));
  add_text (builder, "given_name", fd_customer_get_given_name (customer));
  add_text (builder, "family_name", fd_customer_get_family_name (customer));
  add_text (builder, "email", fd_customer_get_email (customer));
  add_text (builder, "phone", fd_customer_get_phone (customer));
  add_text (builder, "address", fd_customer_get_address (customer));
  add_text (builder, "language", fd_customer_get_language (customer));
  add_text (builder, "channel",
            channel == FD_CHANNEL_NONE ? NULL : fd_channel_to_code (channel));

  json_builder_set_member_name (builder, "birth_year");
  if (birth_year == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, birth_year);

  add_text (builder, "notes", fd_customer_get_notes (customer));
  add_time (builder, "created_at", fd_customer_get_created_at (customer));
  add_time (builder, "updated_at", fd_customer_get_updated_at (customer));
  add_time (builder, "archived_at", fd_customer_get_archived_at (customer));

  json_builder_end_object (builder);
}

JsonNode *
_fd_cli_customer_to_json (FdCustomer *customer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  _fd_cli_add_customer_json (builder, customer);

  return json_builder_get_root (builder);
}

void
_fd_cli_add_branch_json (JsonBuilder *builder,
                         FdBranch    *branch)
{
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, fd_branch_get_id (branch));
  add_text (builder, "name", fd_branch_get_name (branch));
  add_text (builder, "country", fd_branch_get_country (branch));
  add_text (builder, "address", fd_branch_get_address (branch));
  add_text (builder, "phone", fd_branch_get_phone (branch));
  add_text (builder, "email", fd_branch_get_email (branch));

  json_builder_set_member_name (builder, "hours");
  json_builder_begin_array (builder);
  for (int weekday = 1; weekday <= 7; weekday++)
    {
      int opens = -1;
      int closes = -1;

      if (!fd_branch_get_hours (branch, weekday, &opens, &closes))
        opens = closes = -1;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "weekday");
      json_builder_add_int_value (builder, weekday);
      add_clock (builder, "opens", opens);
      add_clock (builder, "closes", closes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

void
_fd_cli_add_desk_json (JsonBuilder *builder,
                       FdDesk      *desk)
{
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, fd_desk_get_id (desk));
  json_builder_set_member_name (builder, "branch_id");
  json_builder_add_int_value (builder, fd_desk_get_branch_id (desk));
  add_text (builder, "name", fd_desk_get_name (desk));

  json_builder_end_object (builder);
}

void
_fd_cli_add_visit_json (JsonBuilder *builder,
                        FdVisit     *visit,
                        int          wait_low,
                        int          wait_high)
{
  FdPriority priority = fd_visit_get_priority (visit);
  FdTechnique technique = fd_visit_get_technique (visit);
  FdOutcome outcome = fd_visit_get_outcome (visit);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, fd_visit_get_id (visit));
  add_id (builder, "branch_id", fd_visit_get_branch_id (visit));
  add_id (builder, "customer_id", fd_visit_get_customer_id (visit));
  add_text (builder, "ticket", fd_visit_get_ticket (visit));
  add_text (builder, "purpose", fd_visit_get_purpose (visit));
  add_text (builder, "priority",
            priority == FD_PRIORITY_NONE ? NULL : fd_priority_to_code (priority));
  add_text (builder, "state", fd_visit_state_to_code (fd_visit_get_state (visit)));
  add_time (builder, "arrived_at", fd_visit_get_arrived_at (visit));
  add_time (builder, "called_at", fd_visit_get_called_at (visit));
  add_time (builder, "finished_at", fd_visit_get_finished_at (visit));
  add_id (builder, "desk_id", fd_visit_get_desk_id (visit));
  add_text (builder, "technique",
            technique == FD_TECHNIQUE_NONE ? NULL : fd_technique_to_code (technique));
  add_text (builder, "outcome",
            outcome == FD_OUTCOME_NONE ? NULL : fd_outcome_to_code (outcome));
  add_rating (builder, "rating_solved", fd_visit_get_rating_solved (visit));
  add_rating (builder, "rating_staff", fd_visit_get_rating_staff (visit));
  add_text (builder, "notes", fd_visit_get_notes (visit));

  if (wait_low >= 0)
    {
      json_builder_set_member_name (builder, "estimated_wait_min");
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, wait_low);
      json_builder_add_int_value (builder, MAX (wait_low, wait_high));
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static void
add_message_fields (JsonBuilder    *builder,
                    FdClaimMessage *message)
{
  guint n_attachments = fd_claim_message_get_n_attachments (message);

  add_text (builder, "direction",
            fd_message_direction_to_code (fd_claim_message_get_direction (message)));
  add_text (builder, "channel", fd_claim_message_get_channel (message));
  add_time (builder, "at", fd_claim_message_get_at (message));
  add_text (builder, "subject", fd_claim_message_get_subject (message));
  add_text (builder, "body", fd_claim_message_get_body (message));
  add_text (builder, "language", fd_claim_message_get_language (message));
  add_text (builder, "template", fd_claim_message_get_template (message));

  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_attachments; i++)
    {
      const char *name = NULL;
      gint64 id = 0;
      gint64 size = 0;

      if (!fd_claim_message_get_attachment (message, i, &id, &name, &size))
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      add_text (builder, "name", name);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, size);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* A message of the thread; with @claim (the reply just written) also which claim it is on. */
void
_fd_cli_add_message_json (JsonBuilder    *builder,
                          FdClaimMessage *message,
                          FdClaim        *claim)
{
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, fd_claim_message_get_id (message));

  if (claim != NULL)
    {
      add_id (builder, "claim_id", fd_claim_message_get_claim_id (message));
      add_text (builder, "reference", fd_claim_get_reference (claim));
    }

  add_message_fields (builder, message);

  json_builder_end_object (builder);
}

/* The claim; with @messages (element type FdClaimMessage, oldest first) also its thread,
 * with @history (element type FdHistoryEntry, oldest first) also its history. */
void
_fd_cli_add_claim_json (JsonBuilder *builder,
                        FdClaim     *claim,
                        GPtrArray   *messages,
                        GPtrArray   *history)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, fd_claim_get_id (claim));
  add_text (builder, "reference", fd_claim_get_reference (claim));
  add_id (builder, "branch_id", fd_claim_get_branch_id (claim));
  add_id (builder, "customer_id", fd_claim_get_customer_id (claim));
  add_id (builder, "assignee_id", fd_claim_get_assignee_id (claim));
  add_text (builder, "kind", fd_claim_kind_to_code (fd_claim_get_kind (claim)));
  add_text (builder, "channel", fd_claim_get_channel (claim));
  add_text (builder, "category", fd_claim_get_category (claim));
  add_text (builder, "concerns", fd_claim_get_concerns (claim));
  add_text (builder, "priority", fd_claim_priority_to_code (fd_claim_get_priority (claim)));
  add_text (builder, "status", fd_claim_status_to_code (fd_claim_get_status (claim)));
  add_text (builder, "summary", fd_claim_get_summary (claim));
  add_time (builder, "received_at", fd_claim_get_received_at (claim));
  add_time (builder, "ack_due_at", fd_claim_get_ack_due_at (claim));
  add_time (builder, "acknowledged_at", fd_claim_get_acknowledged_at (claim));
  add_time (builder, "due_at", fd_claim_get_due_at (claim));
  add_time (builder, "resolved_at", fd_claim_get_resolved_at (claim));
  add_time (builder, "closed_at", fd_claim_get_closed_at (claim));
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, fd_claim_is_overdue (claim, now));
  add_text (builder, "problem", fd_claim_get_problem (claim));
  add_text (builder, "solution", fd_claim_get_solution (claim));
  add_text (builder, "benefit", fd_claim_get_benefit (claim));
  add_rating (builder, "satisfaction", fd_claim_get_satisfaction (claim));

  if (messages != NULL)
    {
      json_builder_set_member_name (builder, "messages");
      json_builder_begin_array (builder);
      for (guint i = 0; i < messages->len; i++)
        _fd_cli_add_message_json (builder, g_ptr_array_index (messages, i), NULL);
      json_builder_end_array (builder);
    }

  if (history != NULL)
    {
      json_builder_set_member_name (builder, "history");
      json_builder_begin_array (builder);
      for (guint i = 0; i < history->len; i++)
        {
          FdHistoryEntry *entry = g_ptr_array_index (history, i);

          json_builder_begin_object (builder);
          add_time (builder, "at", fd_history_entry_get_at (entry));
          add_text (builder, "title", fd_history_entry_get_title (entry));
          add_text (builder, "detail", fd_history_entry_get_detail (entry));
          /* What changed as stored, by column name: who, which field, from → to. */
          add_text (builder, "actor", fd_history_entry_get_actor (entry));
          add_text (builder, "field", fd_history_entry_get_field (entry));
          add_text (builder, "old_value", fd_history_entry_get_old_value (entry));
          add_text (builder, "new_value", fd_history_entry_get_new_value (entry));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static void
add_followup_fields (JsonBuilder *builder,
                     FdFollowup  *followup)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, fd_followup_get_id (followup));
  add_text (builder, "kind", fd_followup_kind_to_code (fd_followup_get_kind (followup)));
  add_id (builder, "customer_id", fd_followup_get_customer_id (followup));
  add_id (builder, "claim_id", fd_followup_get_claim_id (followup));
  add_id (builder, "visit_id", fd_followup_get_visit_id (followup));
  add_id (builder, "service_id", fd_followup_get_service_id (followup));
  add_id (builder, "assignee_id", fd_followup_get_assignee_id (followup));
  add_time (builder, "due_at", fd_followup_get_due_at (followup));
  add_time (builder, "notify_at", fd_followup_get_notify_at (followup));
  add_text (builder, "rrule", fd_followup_get_rrule (followup));
  add_text (builder, "note", fd_followup_get_note (followup));
  add_text (builder, "source", fd_followup_get_source (followup));
  add_text (builder, "state", fd_followup_state_to_code (fd_followup_get_state (followup)));
  add_time (builder, "state_at", fd_followup_get_state_at (followup));
  add_text (builder, "state_by", fd_followup_get_state_by (followup));
  add_time (builder, "created_at", fd_followup_get_created_at (followup));
}

/* Keys are the database's column names, as for customers and claims. */
void
_fd_cli_add_followup_json (JsonBuilder *builder,
                           FdFollowup  *followup)
{
  json_builder_begin_object (builder);
  add_followup_fields (builder, followup);
  json_builder_end_object (builder);
}

void
_fd_cli_add_done_followup_json (JsonBuilder *builder,
                                FdFollowup  *followup,
                                FdFollowup  *next)
{
  json_builder_begin_object (builder);
  add_followup_fields (builder, followup);

  json_builder_set_member_name (builder, "next");
  if (next != NULL)
    _fd_cli_add_followup_json (builder, next);
  else
    json_builder_add_null_value (builder);

  json_builder_end_object (builder);
}

void
_fd_cli_add_service_json (JsonBuilder *builder,
                          gint64       id,
                          gint64       customer_id,
                          const char  *name,
                          const char  *rrule,
                          gint64       next_renewal,
                          gboolean     with_followup,
                          FdFollowup  *followup)
{
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  add_id (builder, "customer_id", customer_id);
  add_text (builder, "name", name);
  add_text (builder, "rrule", rrule);
  add_time (builder, "next_renewal_at", next_renewal);

  if (with_followup)
    {
      json_builder_set_member_name (builder, "followup");
      if (followup != NULL)
        _fd_cli_add_followup_json (builder, followup);
      else
        json_builder_add_null_value (builder);
    }

  json_builder_end_object (builder);
}
