# Die Meldungen der Widgets (crates/widgets). Siehe en.ftl.

## Was ein Widget sagt, wenn ihm etwas fehlt
widget-needs-configure = Nicht eingerichtet: Die Seite muss einmal { $call } aufrufen (das Token gehört nie ins Markup).
widget-needs-base-url = Nicht eingerichtet: Setzen Sie das Attribut base-url (z. B. { $example }) oder rufen Sie { $call } auf.
widget-needs-attribute = Nicht eingerichtet: Setzen Sie { $attribute } auf { $what }.
widget-bad-value = Nicht eingerichtet: { $attribute } muss { $what } sein, nicht „{ $value }“.
widget-bad-range = Nicht eingerichtet: range muss this-week, last-week, this-month, last-month, last-N-days oder JJJJ-MM-TT..JJJJ-MM-TT (höchstens ein Jahr) sein, nicht „{ $value }“.
widget-bad-month = Nicht eingerichtet: month muss die Form JJJJ-MM haben, nicht „{ $value }“.
widget-what-workspace = die Nummer des Arbeitsbereichs
widget-what-member = die Benutzer-ID des Mitglieds
widget-what-member-ids = durch Kommas getrennte Benutzer-IDs
widget-what-group-by = member oder project
widget-no-token = Kein Token: Rufen Sie zuerst { $call } auf.
widget-refused-title = Nicht erlaubt
widget-refused = Die API hat dieses Token für dieses Widget abgelehnt (403): Die Rolle des Tokens darf es nicht sehen. Bitten Sie einen Inhaber des Arbeitsbereichs um Zugriff.
# Zeigt webwork-widgets.js, wenn der Code der Widgets gar nicht geladen werden kann.
widget-load-failed = Dieses Widget konnte nicht geladen werden ({ $error }).

## Dauern, Namen und Zeitzonen
format-minutes = { $minutes } Min.
format-hours = { $hours } Std.
format-hours-minutes = { $hours } Std. { $minutes } Min.
name-project = Projekt
name-task = Aufgabe
name-no-project = Kein Projekt
name-member-number = Mitglied Nr. { $id }
name-project-number = Projekt Nr. { $id }
name-unknown-member = Unbekanntes Mitglied
name-unknown-project = Unbekanntes Projekt
zone-note = Uhrzeiten: { $zone }.

## <webwork-timer>
timer-heading = Zeiterfassung
timer-since = Erfasst seit { $time } ({ $zone })
timer-running-time = Laufende Zeit
timer-stop = Stoppen
timer-stopped = Keine Erfassung. Heute: { $today }
timer-contract = Vertrag
timer-no-contract = Kein Vertrag
timer-task = Aufgabe
timer-no-task = Keine Aufgabe
timer-start = Starten

## <webwork-team-status>
team-heading = Teamstatus
team-summary = { $working ->
    [one] { $working } von { $total } arbeitet gerade
   *[other] { $working } von { $total } arbeiten gerade
}
team-working = Arbeitet
team-not-tracking = Keine Erfassung
team-since = { $on } · seit { $time }
team-today = heute { $duration }
team-empty = In diesem Arbeitsbereich gibt es niemanden anzuzeigen.

## <webwork-hours-chart>
hours-heading = Erfasste Stunden
hours-caption = Erfasste Stunden vom { $from } bis { $to }
hours-summary = { $hours } Std. insgesamt
hours-value = { $hours } Std.
hours-unit = Std.
hours-day = Tag
hours-others = Andere
hours-totals = Summen
hours-empty = In diesem Zeitraum wurde keine Zeit erfasst.

## <webwork-leave-calendar>
leave-heading = Wer abwesend ist
leave-caption = Abwesend im { $month }
leave-who = Wer
leave-default-policy = Abwesenheit
leave-span = { $from } – { $to }
leave-detail = { $policy } · { $span }
leave-detail-pending = { $policy } · { $span } (beantragt)
leave-legend-away = abwesend
leave-legend-pending = wartet auf Genehmigung
leave-empty = Im { $month } ist niemand abwesend.

## <webwork-approvals>
approvals-heading = Genehmigungen
approvals-summary = { $count } offen
approvals-timesheet = Stundenzettel { $from } – { $to }
approvals-time-request = Zeitantrag { $when }
approvals-span = { $date } { $from }–{ $to }
approvals-detail-note = { $duration } · { $note }
approvals-item = { $what } von { $who }
approvals-approve = Genehmigen
approvals-approve-item = { $item } genehmigen
approvals-reject = Ablehnen
approvals-reject-item = { $item } ablehnen
approvals-reason = Grund (das Mitglied liest ihn)
approvals-confirm-rejection = Ablehnung bestätigen
approvals-cancel = Abbrechen
approvals-approved = Genehmigt: { $what } von { $who }.
approvals-rejected = Abgelehnt: { $what } von { $who }.
approvals-empty = Nichts wartet auf Genehmigung.

## Shared with the panel: webwork-ui's components in the widgets (error banners, loading,
## the chart, zone names); the same text as crates/admin/i18n has.
chart-bars-summary = { $title }: { $categories } Kategorien, { $series } Reihen, { $total } { $unit } insgesamt, höchstens { $max } { $unit } in einer
chart-date = Datum
chart-detail = Detail
chart-end = Ende
chart-heat-summary = { $title }: { $days } Tage. { $summary }
chart-hours = Stunden
chart-legend = Legende
chart-no-data = Keine Daten
chart-start = Beginn
chart-status = Status
chart-table-view = Tabellenansicht
chart-timeline-summary = { $title }: { $lanes } Zeilen von { $from } bis { $to }, { $hours } h erfasst
chart-total = Summe ({ $unit })
chart-what = Was
common-loading = Wird geladen…
common-retry = Erneut versuchen
error-aborted = Die Anfrage wurde abgebrochen.
error-conflict = { $message }
error-decode = Die Antwort des Servers war bei `{ $path }` nicht lesbar: { $message }
error-forbidden = Nicht erlaubt: { $message } Ihre Rolle in diesem Arbeitsbereich darf das nicht.
error-http = Unerwartete Antwort ({ $status }): { $message }
error-invalid-request = `{ $field }` { $reason }; die Anfrage wurde nicht gesendet.
error-network = Der Server war nicht erreichbar: { $message }. Prüfen Sie die Verbindung und die API-Adresse; im Browser scheitert ein Server, der den Ursprung dieser Seite nicht zulässt (CORS), genauso.
error-not-found = Nicht gefunden: { $message } Es wurde vielleicht gelöscht oder liegt in einem anderen Arbeitsbereich.
error-rate-limited = Zu viele Anfragen: Das Budget von 60 pro Minute ist verbraucht. Versuchen Sie es in einer Minute erneut.
error-rate-limited-countdown = Zu viele Anfragen: Das Budget von 60 pro Minute ist verbraucht. Es wird in { $seconds } s frei.
error-rate-limited-countdown-retry = Zu viele Anfragen: Das Budget von 60 pro Minute ist verbraucht. Es wird in { $seconds } s frei. Dann wird es von selbst erneut versucht.
error-rate-limited-freed = Zu viele Anfragen: Das Budget von 60 pro Minute war verbraucht. Es ist wieder frei: Senden Sie erneut.
error-rate-limited-wait = Zu viele Anfragen: Das Budget von 60 pro Minute ist verbraucht. Es wird in { $seconds } s frei.
error-server = Der Server ist gescheitert ({ $status }): { $message } Versuchen Sie es gleich noch einmal.
error-timeout = Der Server hat nicht innerhalb von { $seconds } s geantwortet.
error-title-aborted = Abgebrochen
error-title-check-form = Bitte prüfen Sie das Formular
error-title-conflict = Konflikt
error-title-decode = Unlesbare Antwort
error-title-http = Unerwartete Antwort
error-title-network = Server nicht erreichbar
error-title-not-allowed = Nicht erlaubt
error-title-not-found = Nicht gefunden
error-title-rate-limited = Anfragelimit erreicht
error-title-server = Serverfehler
error-title-signed-out = Abgemeldet
error-title-timeout = Zeitüberschreitung
error-unauthorized = Nicht angemeldet: { $message } Prüfen Sie das Zugriffstoken oder melden Sie sich erneut an.
error-validation = { $message }
error-validation-detail = { $message } ({ $detail })
zone-city-time = Zeit in { $city }
