# Die Texte des Panels auf Deutsch. Ids: die aus en.ftl.

## Die Anwendung und ihr Rahmen
app-name = WebWork-Verwaltung
common-skip-to-content = Zum Inhalt springen
header-workspace = Arbeitsbereich
header-loading-workspaces = Arbeitsbereiche werden geladen…
header-language = Sprache
header-sign-out = Abmelden
nav-label = Bereiche
nav-dashboard = Übersicht
nav-tracking = Live-Zeiterfassung
nav-time-entries = Zeiteinträge
nav-timesheets = Stundenzettel
nav-time-requests = Zeitanträge
nav-leaves = Abwesenheiten
nav-expenses = Ausgaben
nav-reports = Berichte
nav-members = Mitglieder
nav-projects = Projekte
nav-contracts = Verträge
nav-tasks = Aufgaben
nav-viewers = Projektbetrachter
nav-webhooks = Webhooks
shell-not-member = Sie sind kein Mitglied von Arbeitsbereich { $workspace }. Wählen Sie oben einen Ihrer Arbeitsbereiche.
shell-workspace-name = Arbeitsbereich: { $name }
shell-data-age = Daten von vor { $age }
shell-data-age-refreshing = { " " }· wird aktualisiert…
shell-data-age-title = Die ältesten Daten dieser Seite; sie werden neu geholt, sobald sie sich geändert haben können.
shell-data-age-refreshing-title = Aus dem Cache dieses Tabs gezeigt, während eine neuere Antwort geholt wird.
home-opening = Ihr Arbeitsbereich wird geöffnet…
home-no-workspace = Dieses Konto gehört zu keinem aktiven Arbeitsbereich.
notfound-title = Seite nicht gefunden
notfound-nothing-here = Unter dieser Adresse gibt es nichts.
notfound-in-workspace = Unter dieser Adresse gibt es in diesem Arbeitsbereich nichts.
notfound-go-home = Zu Ihrem Arbeitsbereich
theme-system-dark = Design: System (dunkel)
theme-system-light = Design: System (hell)
theme-light = Design: hell
theme-dark = Design: dunkel

## Das Anfragebudget im Kopf
budget-spent = Budget verbraucht: nächste Anfrage in { $seconds } s
budget-server = { $remaining }/{ $limit } übrig (Server)
budget-unlimited = Budget: unbegrenzt
budget-estimate = ≈ { $remaining }/{ $limit } übrig (eigene Zählung)
budget-server-title = Laut der letzten Antwort des Servers sind in dieser Minute noch { $remaining } von { $limit } Anfragen übrig (X-RateLimit-Remaining und X-RateLimit-Limit; diese Header-Namen sind abgeleitet, die API-Referenz nennt sie nicht).
budget-unlimited-title = Dieses Panel taktet seine Anfragen nicht (die API erlaubt 60 pro Minute).
budget-estimate-title = Eine Schätzung: unsere eigene Zählung dessen, was dieses Panel in der letzten Minute gesendet hat ({ $remaining } von { $limit } übrig). Die letzte Antwort des Servers enthielt kein Budget (X-RateLimit-Remaining und X-RateLimit-Limit; diese Header-Namen sind abgeleitet, die API-Referenz nennt sie nicht), und andere Tabs oder Apps mit demselben Token werden nicht mitgezählt.
budget-spent-title = Jetzt kann keine Anfrage ohne Warten gesendet werden; die nächste geht in { $seconds } s. { $source }
budget-wait-note = Warten auf das Anfragelimit der API: nächste Daten in { $seconds } s
api-not-signed-in = Sie sind nicht angemeldet.
api-lost-answer-absent = die Antwort ging unterwegs verloren, und die Liste zeigt, dass nichts gespeichert wurde; erneutes Senden erzeugt also kein Duplikat
api-lost-answer-unsure = Die Antwort ging unterwegs verloren, und die Liste lässt nicht erkennen, ob gespeichert wurde: Prüfen Sie die Liste, bevor Sie erneut senden.

## Gemeinsame Wörter
common-loading = Wird geladen…
common-retry = Erneut versuchen
common-cancel = Abbrechen
common-confirm = Bestätigen
common-undo = Rückgängig
common-dismiss = Schließen
common-save = Speichern
common-saving = Wird gespeichert…
common-edit = Bearbeiten
common-apply = Anwenden
common-clear = Zurücksetzen
common-clear-selection = Auswahl aufheben
common-any = Alle
common-yes = ja
common-no = nein
common-unknown = unbekannt
common-not-set = (nicht gesetzt)
common-selected = { $count } ausgewählt

## Fehler
error-title-check-form = Bitte prüfen Sie das Formular
error-title-signed-out = Abgemeldet
error-title-not-allowed = Nicht erlaubt
error-title-not-found = Nicht gefunden
error-title-conflict = Konflikt
error-title-rate-limited = Anfragelimit erreicht
error-title-server = Serverfehler
error-title-http = Unerwartete Antwort
error-title-network = Server nicht erreichbar
error-title-timeout = Zeitüberschreitung
error-title-aborted = Abgebrochen
error-title-decode = Unlesbare Antwort
error-invalid-request = `{ $field }` { $reason }; die Anfrage wurde nicht gesendet.
error-validation = { $message }
error-validation-detail = { $message } ({ $detail })
error-unauthorized = Nicht angemeldet: { $message } Prüfen Sie das Zugriffstoken oder melden Sie sich erneut an.
error-forbidden = Nicht erlaubt: { $message } Ihre Rolle in diesem Arbeitsbereich darf das nicht.
error-not-found = Nicht gefunden: { $message } Es wurde vielleicht gelöscht oder liegt in einem anderen Arbeitsbereich.
error-conflict = { $message }
error-rate-limited = Zu viele Anfragen: Das Budget von 60 pro Minute ist verbraucht. Versuchen Sie es in einer Minute erneut.
error-rate-limited-wait = Zu viele Anfragen: Das Budget von 60 pro Minute ist verbraucht. Es wird in { $seconds } s frei.
error-rate-limited-countdown = Zu viele Anfragen: Das Budget von 60 pro Minute ist verbraucht. Es wird in { $seconds } s frei.
error-rate-limited-countdown-retry = Zu viele Anfragen: Das Budget von 60 pro Minute ist verbraucht. Es wird in { $seconds } s frei. Dann wird es von selbst erneut versucht.
error-rate-limited-freed = Zu viele Anfragen: Das Budget von 60 pro Minute war verbraucht. Es ist wieder frei: Senden Sie erneut.
error-server = Der Server ist gescheitert ({ $status }): { $message } Versuchen Sie es gleich noch einmal.
error-http = Unerwartete Antwort ({ $status }): { $message }
error-network = Der Server war nicht erreichbar: { $message }. Prüfen Sie die Verbindung und die API-Adresse; im Browser scheitert ein Server, der den Ursprung dieser Seite nicht zulässt (CORS), genauso.
error-timeout = Der Server hat nicht innerhalb von { $seconds } s geantwortet.
error-aborted = Die Anfrage wurde abgebrochen.
error-decode = Die Antwort des Servers war bei `{ $path }` nicht lesbar: { $message }

## Formulare
form-required = Pflichtfeld.
form-max-chars = Höchstens { $max } Zeichen.
form-between = Muss zwischen { $min } und { $max } liegen.
form-whole-number = Muss eine ganze Zahl sein.
form-not-negative = Darf nicht negativ sein.
form-number = Muss eine Zahl sein.
reason-too-large = Ist zu groß.
reason-one-or-more = Muss 1 oder mehr sein.
reason-zero-or-one = Muss 0 oder 1 sein.
reason-project-or-contract = Pflichtfeld (oder stattdessen einen Vertrag wählen).
reason-task-status = Der Status einer neuen Aufgabe muss 0, 10, 20 oder 30 sein.
reason-task-priority = Muss 10, 20, 30 oder 40 sein.
reason-needs-contract = Braucht auch einen Vertrag.
reason-after-start = Muss nach dem Beginn liegen.
reason-with-start-time = Gehört zu einer Anfangszeit (eine Abwesenheit in Stunden).
reason-hours-per-day = Muss mehr als 0 und höchstens 24 sein.
reason-one-event = Mindestens ein Ereignis wählen.
reason-url-text-long = Ist länger als 255 Zeichen (es steht in der Adresse).
reason-url-list-long = Hat mehr als 10 Einträge (sie stehen in der Adresse).
reason-url-item-long = Hat einen Eintrag mit mehr als 255 Zeichen (er steht in der Adresse).
reason-text = Muss ein Text sein.
reason-true-or-false = Muss ja oder nein sein.
reason-text-long = Ist länger als 10.000 Zeichen.
reason-date = Muss ein Datum im Format JJJJ-MM-TT sein.
reason-clock = Muss eine Uhrzeit im Format HH:mm sein (00:00 bis 23:59).
reason-date-time = Muss Datum und Uhrzeit sein, etwa 2024-01-15T09:00:00Z.
reason-email = Muss eine E-Mail-Adresse sein, etwa name@beispiel.de.
reason-url = Muss eine http://- oder https://-Adresse sein.
reason-not-before-start = Darf nicht vor dem Anfangsdatum liegen.
reason-end-before-start = Das Enddatum { $end } liegt vor dem Anfangsdatum { $start }.
reason-between-one-and = Muss zwischen 1 und { $value } liegen.
reason-one-of = Muss eines davon sein: { $value }.
reason-range-too-long = { $days ->
    [one] Ergibt einen Zeitraum von { $days } Tag; die API erlaubt höchstens { $max }.
   *[other] Ergibt einen Zeitraum von { $days } Tagen; die API erlaubt höchstens { $max }.
}

## Tabellen, Seiten, Zeiträume, Diagramme
table-actions = Aktionen
table-select-all = Alle Zeilen dieser Seite auswählen
table-select-row = { $label } auswählen
pagination-label = Seitennavigation
pagination-previous = ‹ Zurück
pagination-previous-label = Zurück zur vorherigen Seite
pagination-next = Weiter ›
pagination-next-label = Weiter zur nächsten Seite
pagination-page = Seite { $page }
pagination-per-page = Pro Seite
pagination-none-of = 0 von { $total }
pagination-empty-page = Keine Einträge auf dieser Seite
pagination-range-of = { $from }–{ $to } von { $total }
pagination-range = { $from }–{ $to }
range-label = Zeitraum
range-this-week = Diese Woche
range-last-week = Letzte Woche
range-this-month = Dieser Monat
range-last-month = Letzter Monat
range-custom = Benutzerdefiniert
range-previous = Vorheriger Zeitraum
range-previous-key = Vorheriger Zeitraum ([)
range-next = Nächster Zeitraum
range-next-key = Nächster Zeitraum (])
range-start = Beginn
range-end = Ende
range-days = { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
}
range-end-before-start = Das Enddatum ({ $end }) liegt vor dem Startdatum ({ $start }).
range-too-long = Dieser Bericht umfasst höchstens { $max } Tage; der Zeitraum hat { $days }. Wählen Sie einen kürzeren Zeitraum.
chart-table-view = Tabellenansicht
chart-legend = Legende
chart-total = Summe ({ $unit })
chart-bars-summary = { $title }: { $categories } Kategorien, { $series } Reihen, { $total } { $unit } insgesamt, höchstens { $max } { $unit } in einer
chart-start = Beginn
chart-end = Ende
chart-hours = Stunden
chart-what = Was
chart-timeline-summary = { $title }: { $lanes } Zeilen von { $from } bis { $to }, { $hours } h erfasst
chart-no-data = Keine Daten
chart-date = Datum
chart-status = Status
chart-detail = Detail
chart-heat-summary = { $title }: { $days } Tage. { $summary }
chart-others = Sonstige

## Anmeldung
signin-failed = Anmeldung fehlgeschlagen
signin-with-webwork = Mit WebWork anmelden
signin-with-webwork-hint = Über diesen Server: Das Token Ihres WebWork-Kontos bleibt auf dem Server, nie in diesem Browser.
signin-or-token = oder ein persönliches Zugriffstoken verwenden
signin-base-url = Basis-URL der API
signin-base-url-hint = Die Adresse der API v2, endet auf /api/v2.
signin-this-server = Dieser Server
signin-real-api = Die echte WebWork-API
signin-dev-proxy = Echte API über den Entwicklungsproxy
signin-dev-proxy-title = Unter trunk serve: die echte API über den Entwicklungsserver, sodass CORS nicht greift
signin-token = Persönliches Zugriffstoken
signin-token-hint = Wird in WebWork unter Einstellungen → REST API erstellt. Die Sandbox gibt Demo-Tokens aus, z. B. demo-owner.
signin-remember = Auf diesem Gerät angemeldet bleiben
signin-remember-hint = Speichert das Token im lokalen Speicher dieses Browsers. Sonst wird es beim Schließen des Tabs vergessen.
signin-submit = Anmelden
signin-signing-in = Anmeldung läuft…
signin-no-workspace = Angemeldet, aber dieses Konto gehört zu keinem aktiven Arbeitsbereich.
signin-problem-token = Der Server hat dieses Token nicht akzeptiert (401). Prüfen Sie, ob es vollständig und nicht abgelaufen ist, oder erstellen Sie in WebWork unter Einstellungen → REST API ein neues persönliches Zugriffstoken.
signin-problem-unreachable = { $base } war nicht erreichbar. Prüfen Sie die Adresse und Ihre Verbindung.
signin-problem-unreachable-cors = { $base } war nicht erreichbar. Prüfen Sie die Adresse und Ihre Verbindung. Die echte API kann auch Aufrufe vom Ursprung dieser Seite ablehnen (CORS): Der Browser scheitert dann genauso. Betreiben Sie das Panel stattdessen hinter dem Entwicklungsproxy (README, "Dev proxy").
signin-problem-not-api = { $base } antwortete mit 404: Das sieht nicht nach der Basis-URL der API v2 aus (sie endet auf /api/v2).
reauth-title = Erneut anmelden
reauth-message = Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um weiterzumachen: Diese Seite und alles, was Sie eingegeben haben, bleiben erhalten; senden Sie das Formular erneut, sobald Sie zurück sind.
reauth-waiting = Warten auf das Anmeldefenster…
reauth-popup-blocked = Der Browser hat das Anmeldefenster blockiert. Erlauben Sie Pop-ups für diese Seite, oder melden Sie sich ab und wieder an.
reauth-sign-out = Stattdessen abmelden
refused-title = Die WebWork-API öffnet diesen Arbeitsbereich nicht für Ihre Rolle
refused-role = Die API steht nur Inhabern und Geschäftsführern des Arbeitsbereichs offen. Ihre Rolle in { $workspace } ist { $role }, daher kann keine seiner Seiten geladen werden.
refused-workspace = Arbeitsbereich { $workspace }
refused-server-said = Der Server meldete:
refused-ask-owner = Bitten Sie den Inhaber des Arbeitsbereichs, Sie zum Geschäftsführer zu machen, oder melden Sie sich mit dem Konto eines Inhabers oder Geschäftsführers an.
refused-workspaces = Arbeitsbereiche, die Sie verwalten können:
refused-other-account = Mit einem anderen Konto anmelden
signedin-title = Sie sind angemeldet
signedin-close = Sie können dieses Fenster schließen und zum Panel zurückkehren.
signedin-open-here = Panel hier öffnen

## Mitglieder
role-owner = Inhaber
role-executive-manager = Geschäftsführer
role-project-manager = Projektleiter
role-team-manager = Teamleiter
role-regular-user = Normaler Benutzer
role-project-viewer = Projektbetrachter
role-client = Kunde
member-status-active = aktiv
member-status-inactive = inaktiv
member-status-left = ausgeschieden
member-status-unknown = unbekannt
members-title = Mitglieder
members-archived-title = Archivierte Mitglieder
members-invite = Mitglied einladen
members-tabs-label = Welche Mitglieder
members-tab-current = Aktuell
members-tab-archived = Archiviert
members-search = Suche
members-search-placeholder = Name, E-Mail oder Titel
members-email-exact = E-Mail (genau)
members-email-placeholder = name@beispiel.de
members-search-hint = Die Suche und die Archivansicht lesen jede Seite der Liste (100 Mitglieder pro Anfrage) und blättern das Ergebnis hier.
members-selected-label = Ausgewählte Mitglieder
members-restore-selected = Auswahl wiederherstellen
members-archive-selected = Auswahl archivieren
members-col-name = Name
members-col-email = E-Mail
members-col-role = Rolle
members-col-status = Status
members-col-team = Team
members-col-title = Titel
members-status-archived = { $status } · archiviert
members-restore = Wiederherstellen
members-restore-name = { $name } wiederherstellen
members-archive = Archivieren
members-archive-name = { $name } archivieren
members-empty = Keine passenden Mitglieder
members-empty-archived = Keine archivierten Mitglieder
members-empty-hint = Ändern Sie die Filter oder laden Sie jemanden ein.
members-archive-title = { $count ->
    [one] Dieses Mitglied archivieren?
   *[other] { $count } Mitglieder archivieren?
}
members-archive-confirm-one = { $name } verliert den Zugang zu diesem Arbeitsbereich. Sie können es später in der Archivansicht wiederherstellen.
members-archive-confirm-many = { $count } Mitglieder verlieren den Zugang zu diesem Arbeitsbereich. Sie können sie später in der Archivansicht wiederherstellen.
members-archived-one = { $name } archiviert.
members-archived-many = { $count } Mitglieder archiviert.
members-archive-failed = { $count ->
    [one] 1 Mitglied konnte nicht archiviert werden: { $error }
   *[other] { $count } Mitglieder konnten nicht archiviert werden: { $error }
}
members-restored = { $count ->
    [one] 1 Mitglied wiederhergestellt.
   *[other] { $count } Mitglieder wiederhergestellt.
}
members-restore-failed = { $count ->
    [one] 1 Mitglied konnte nicht wiederhergestellt werden: { $error }
   *[other] { $count } Mitglieder konnten nicht wiederhergestellt werden: { $error }
}
members-restore-failed-any = Wiederherstellen fehlgeschlagen: { $error }
member-back = Mitglied
member-archived-banner = Dieses Mitglied ist archiviert: Es kann den Arbeitsbereich erst nach der Wiederherstellung erreichen.
member-archive-confirm = { $name } verliert den Zugang zu diesem Arbeitsbereich. Sie können es später wiederherstellen.
member-id = ID
member-first-name = Vorname
member-last-name = Nachname
member-avatar = Avatar
member-time-zone = Zeitzone
member-time-zone-placeholder = Europe/Berlin
member-time-zone-hint = Tippen Sie eine Stadt oder Region; die Liste enthält jede Zone, die dieser Browser kennt.
member-preferred-time-zone = Bevorzugte Zeitzone
member-titles = Titel
member-birth-date = Geburtsdatum
member-hired = Eingestellt
member-max-inactive = Maximale Inaktivität in Minuten
member-currency = Währung
member-rate = Satz
member-rate-type = Art des Satzes
member-rate-visibility = Sichtbarkeit des Satzes
member-rate-visibility-hint = Ob dieses Mitglied Sätze und Beträge sehen darf.
member-rate-hidden = Verborgen
member-rate-visible = Sichtbar
member-tax-country = Steuerland
member-tax-state = Steuerbundesland
member-blocked = Gesperrt
member-weekly-hours = Wöchentliches Stundenlimit
member-weekly-hours-hint = 0 bis 168.
member-screenshots = Bildschirmfotos
member-created = Erstellt
member-updated = Aktualisiert
member-archived = Archiviert
member-owner-role = Rolle: Inhaber. Die Rolle des Inhabers des Arbeitsbereichs kann sich nicht ändern.
member-remove-avatar = Avatar entfernen
member-saved = Mitglied gespeichert.
member-edit-title = { $name } bearbeiten
invite-title = Ein Mitglied einladen
invite-submit = Einladung senden
invite-sending = Wird gesendet…
invite-sent = Einladung gesendet
invite-link = Beitreten geht auch über diesen Link:
invite-copy-link = Link kopieren
invite-view-member = Mitglied ansehen

## Berichte
reports-tracked-hours = Erfasste Stunden
reports-tracked-hours-about = Stunden pro Tag, gestapelt nach Projekt oder Mitglied.
reports-timeline = Tagesverlauf
reports-timeline-about = Die erfasste Zeit jedes Mitglieds über einen Tag.
reports-activity = Aktivitätsgrad
reports-activity-about = Durchschnittliche Aktivität pro Mitglied über einen Zeitraum.
reports-attendance = Tägliche Anwesenheit
reports-attendance-about = Anwesend, verspätet, abwesend oder beurlaubt, Tag für Tag.
reports-tasks = Aufgabenbericht
reports-tasks-about = Zeit pro Aufgabe über einen Zeitraum.
reports-stack-by = Stapeln nach
reports-day = Tag
reports-member = Mitglied
reports-project = Projekt
reports-task = Aufgabe
reports-everyone = Alle
reports-every-project = Alle Projekte
reports-first-member = Erstes Mitglied
reports-previous-day = Vorheriger Tag
reports-next-day = Nächster Tag
reports-member-id = Mitglied { $id }
reports-project-id = Projekt { $id }
reports-no-project = (kein Projekt)
reports-no-task = (keine Aufgabe)
reports-other-tasks = Weitere Aufgaben
reports-nothing-tracked = Nichts erfasst
reports-nothing-tracked-hint = Keine erfasste Zeit in diesem Zeitraum mit diesen Filtern.
reports-split-note = Die API liefert höchstens { $max } Tage auf einmal: Dieser Zeitraum wird in { $parts ->
    [one] { $parts } Teil
   *[other] { $parts } Teilen
} abgefragt.
reports-split-note-member = Für ein einzelnes Mitglied liefert die API höchstens { $max } Tage auf einmal: Dieser Zeitraum wird in { $parts ->
    [one] { $parts } Teil
   *[other] { $parts } Teilen
} abgefragt.
reports-tracked-by-project = Erfasste Stunden nach Projekt: { $total } h
reports-tracked-by-member = Erfasste Stunden nach Mitglied: { $total } h
reports-timeline-of = Tagesverlauf vom { $date }
reports-span-activity = Aktivität { $percent }
reports-average-activity = Durchschnittliche Aktivität
reports-activity-title = Durchschnittliche Aktivität pro Mitglied
reports-status-present = Anwesend
reports-status-late = Verspätet
reports-status-left-early = Früher gegangen
reports-status-tracked-less = Weniger erfasst
reports-status-absent = Abwesend
reports-status-on-leave = Beurlaubt
reports-status-holiday = Feiertag
reports-attendance-note = Eine Anfrage pro Tag: höchstens { $max } Tage.
reports-attendance-of = Anwesenheit von { $name }
reports-attendance-summary = Alle Mitglieder: { $present ->
    [one] { $present } Anwesenheitstag
   *[other] { $present } Anwesenheitstage
} von { $days ->
    [one] { $days } Mitgliedstag.
   *[other] { $days } Mitgliedstagen.
}
reports-tasks-title = Stunden pro Aufgabe, nach Mitglied

## Export
export-csv = CSV exportieren
export-json = JSON exportieren
export-progress = Fortschritt des Exports
export-rows = { $rows ->
    [one] { $rows } Zeile
   *[other] { $rows } Zeilen
}
export-rows-of = { $rows } von { $total } Zeilen
export-almost-done = fast fertig
export-seconds-left = noch etwa { $seconds } s
export-minutes-left = noch etwa { $minutes } min { $seconds } s
export-done = { $rows ->
    [one] { $rows } Zeile nach { $file } exportiert.
   *[other] { $rows } Zeilen nach { $file } exportiert.
}
export-save-failed = { $file } konnte nicht gespeichert werden: { $error }
export-browser-refused = der Browser hat den Download abgelehnt: { $reason }
export-no-reason = ohne Angabe eines Grundes
export-no-document = kein Dokument
export-cancelled = Export abgebrochen.

## Webhooks
common-delete = Löschen
webhooks-col-url = URL
webhooks-col-events = Ereignisse
webhooks-delete-name = Webhook für { $url } löschen
webhooks-deleted = Webhook für { $url } gelöscht.
webhooks-delete-failed = Der Webhook konnte nicht gelöscht werden: { $error }
webhooks-empty = Keine Webhooks
webhooks-empty-hint = Ein Webhook ruft Ihre URL auf, wenn sich Mitglieder, Projekte oder Tracker ändern.
webhooks-delete-title = Diesen Webhook löschen?
webhooks-delete-confirm = { $url } erhält keine Ereignisse mehr.
webhooks-events-required = Wählen Sie mindestens ein Ereignis.
webhooks-inferred = (abgeleitet)
webhooks-inferred-title = Nicht in der Ereignisliste der Referenz
webhooks-new-title = Neuer Webhook
webhooks-created = Webhook erstellt
webhooks-created-token = Zustellungen an { $url } tragen dieses Token im Header X-Webhook-Token. Kopieren Sie es jetzt: Es wird nur dieses eine Mal angezeigt.
webhooks-url-placeholder = https://hooks.beispiel.de/webwork
webhooks-url-hint = Eine http://- oder https://-Adresse, die POST-Anfragen annimmt.
webhooks-create = Webhook erstellen
webhooks-creating = Wird erstellt…
webhooks-saved = Webhook gespeichert.
webhooks-edit-title = Webhook bearbeiten

## Projekte
projects-as-saved = { $mode } (wie gespeichert)
projects-tags = Schlagwörter
projects-tags-placeholder = design, kunde-a
projects-tags-hint = Schlagwörter mit Kommas trennen; neue werden angelegt.
projects-billable = Abrechenbar
projects-billable-hint = Zeit auf einem abrechenbaren Projekt wird zu seinem Satz abgerechnet.
projects-deadline = Frist
projects-start-date = Startdatum
projects-estimation = Schätzung (Stunden)
projects-budget = Budget
projects-rate-per-hour = Satz (pro Stunde)
projects-screenshot-mode = Bildschirmfoto-Modus
projects-notes = Notizen
projects-new = Neues Projekt
projects-create = Projekt erstellen
projects-name-contains = Name enthält
projects-name-placeholder = Ein beliebiger Teil des Namens
projects-empty = Keine Projekte
projects-empty-hint = Legen Sie eines an oder ändern Sie den Namensfilter.
projects-archive-title = Dieses Projekt archivieren?
projects-archive-confirm = { $name } verschwindet aus den Listen und nimmt keine Zeit mehr an. Die API kann ein Projekt nicht wiederherstellen.
projects-archive-failed = { $name } konnte nicht archiviert werden: { $error }
projects-saved = Projekt gespeichert.
projects-created = { $name } erstellt.
projects-summary = Projekt { $id } · { $contracts ->
    [one] { $contracts } Vertrag
   *[other] { $contracts } Verträge
} · erstellt { $created }

## Projektbetrachter
viewers-new = Neuer Betrachter
viewers-new-title = Neuer Projektbetrachter
viewers-create = Betrachter erstellen
viewers-created = { $name } erstellt. Weisen Sie als Nächstes Projekte zu.
viewers-restored = Betrachter wiederhergestellt.
viewers-tabs-label = Welche Betrachter
viewers-empty = Keine Projektbetrachter
viewers-empty-archived = Keine archivierten Betrachter
viewers-empty-hint = Betrachter sind Kunden, die einige Projekte nur lesend sehen dürfen.
viewers-assigned = Projekt zugewiesen.
viewers-unassigned = Projektzuweisung aufgehoben.
viewers-member-since = Mitglied seit
viewers-projects-seen = Projekte, die dieser Betrachter sieht
viewers-unassign = Zuweisung aufheben
viewers-unassign-name = Zuweisung von { $project } aufheben
viewers-add-project = Ein Projekt hinzufügen
viewers-choose-project = Projekt wählen
viewers-assign = Zuweisen
viewers-none-yet = Noch keine.
webhooks-copy-token = Token kopieren
webhooks-id = Webhook
common-done = Fertig

## Verträge
contracts-member = Mitglied
contracts-project = Projekt
contracts-member-id = Mitglied { $id }
contracts-on-project = { $member } in { $project }
contracts-rate-with-type = { $rate } ({ $type })
contracts-rate-custom = Eigener Satz
contracts-rate-member = Satz des Mitglieds
contracts-rate-project = Satz des Projekts
contracts-status-active = aktiv
contracts-status-paused = pausiert
contracts-server-default = (Vorgabe des Servers)
contracts-paused = { $name } pausiert.
contracts-activated = { $name } aktiviert.
contracts-change-failed = { $name } konnte nicht geändert werden: { $error }
contracts-hours-week = Stunden / Woche
contracts-activate = Aktivieren
contracts-pause = Pausieren
contracts-activate-name = Vertrag von { $name } aktivieren
contracts-pause-name = Vertrag von { $name } pausieren
contracts-delete-name = Vertrag von { $name } löschen
contracts-deleted = Vertrag von { $name } gelöscht.
contracts-delete-failed = Der Vertrag konnte nicht gelöscht werden: { $error }
contracts-new = Neuer Vertrag
contracts-create = Vertrag erstellen
contracts-empty = Keine passenden Verträge
contracts-empty-hint = Ein Vertrag ordnet ein Mitglied einem Projekt zu.
contracts-delete-title = Diesen Vertrag löschen?
contracts-delete-confirm = { $name } kann auf diesem Projekt keine Zeit mehr erfassen.
contracts-saved = Vertrag gespeichert.
contracts-created = Vertrag erstellt.
contracts-choose-member = Mitglied wählen
contracts-rate-type-hint = Ein eigener Satz für diesen Vertrag, der Satz des Mitglieds oder der des Projekts.
contracts-weekly-hours-hint = 0 bis 168; 168, wenn leer.
contracts-title = Vertrag { $id }

## Aufgaben
tasks-task = Aufgabe
tasks-priority = Priorität
tasks-assignees = Zuständige
tasks-due = Fällig
tasks-due-date = Fälligkeitsdatum
tasks-title = Titel
tasks-description = Beschreibung
tasks-status-open = Offen
tasks-status-in-progress = In Arbeit
tasks-status-done = Erledigt
tasks-status-closed = Geschlossen
tasks-priority-urgent = Dringend
tasks-priority-high = Hoch
tasks-priority-normal = Normal
tasks-priority-low = Niedrig
tasks-no-priority = (keine)
tasks-new = Neue Aufgabe
tasks-create = Aufgabe erstellen
tasks-saved = Aufgabe gespeichert.
tasks-created = Aufgabe erstellt.
tasks-delete-name = { $title } löschen
tasks-deleted = { $title } gelöscht.
tasks-delete-failed = { $title } konnte nicht gelöscht werden: { $error }
tasks-choose-project-first = zuerst ein Projekt wählen: Aufgaben werden pro Projekt aufgelistet
tasks-no-projects = Noch keine Projekte
tasks-no-projects-hint = Aufgaben gehören zu einem Projekt: Legen Sie zuerst eines an.
tasks-empty = Keine passenden Aufgaben
tasks-empty-hint = Ändern Sie die Filter oder fügen Sie eine Aufgabe hinzu.
tasks-delete-title = Diese Aufgabe löschen?
tasks-delete-confirm = { $title } wird aus dem Projekt entfernt.
tasks-nobody = Noch niemand hat einen Vertrag auf diesem Projekt.
tasks-page-title = Aufgabe: { $title }

## Ausgaben
expenses-new = Neue Ausgabe
expenses-views = Ansichten der Ausgaben
expenses-categories = Kategorien
expenses-expense = Ausgabe
expenses-category = Kategorie
expenses-type = Art
expenses-amount = Betrag
expenses-type-billable = abrechenbar
expenses-type-non-billable = nicht abrechenbar
expenses-no-category = (keine Kategorie)
expenses-totals = { $count ->
    [one] { $count } Ausgabe, { $total } insgesamt
   *[other] { $count } Ausgaben, { $total } insgesamt
}
expenses-totals-page = { $count ->
    [one] Diese Seite: { $count } Ausgabe, { $total } insgesamt
   *[other] Diese Seite: { $count } Ausgaben, { $total } insgesamt
}
expenses-totals-label = Summen
expenses-totals-partial = (die Filter treffen mehr, als sich schnell summieren lässt; grenzen Sie sie für eine vollständige Summe ein)
expenses-filter = Ausgaben filtern
expenses-from = Von
expenses-to = Bis
expenses-anyone = Alle
expenses-any-project = Jedes Projekt
expenses-any-category = Jede Kategorie
expenses-any-type = Jede Art
expenses-empty = Keine Ausgaben
expenses-empty-hint = Ändern Sie die Filter oder erfassen Sie eine.
expenses-delete-title = Diese Ausgabe löschen?
expenses-delete-confirm = { $name } wird aus den Listen und Summen entfernt.
expenses-saved = Ausgabe gespeichert.
expenses-recorded = { $name } erfasst.
expenses-choose-category = Kategorie wählen
expenses-me = (ich)
expenses-member-hint = Wessen Ausgabe es ist; Ihre, wenn leer.
expenses-note = Notiz
expenses-record = Ausgabe erfassen
expenses-not-found = In diesem Arbeitsbereich gibt es keine Ausgabe { $id }.
expenses-summary = { $member } · { $amount } · erfasst { $added }

## What the time pages share
time-duration-minutes = { $sign }{ $minutes } Min.
time-duration-hours = { $sign }{ $hours } Std. { $minutes } Min.
time-hours = { $hours } Std.
time-clock-invalid = Eine Uhrzeit als HH:mm, 00:00 bis 23:59.
time-start-not-date = Das Startdatum ist kein Datum (JJJJ-MM-TT).
time-end-not-date = Das Enddatum ist kein Datum (JJJJ-MM-TT).
time-end-before-start = Das Enddatum liegt vor dem Startdatum.
time-range-too-long = { $max ->
    [one] Höchstens { $max } Tag
   *[other] Höchstens { $max } Tage
} auf einmal; dieser Zeitraum hat { $days }.
time-updated = Vor { $seconds } s aktualisiert.
time-reading = Wird gelesen…
time-refresh-now = Jetzt aktualisieren
time-member-fallback = Mitglied { $id }
time-project-fallback = Projekt { $id }
time-status = { $status ->
    [any] alle
    [pending] ausstehend
    [submitted] eingereicht
    [approved] genehmigt
    [rejected] abgelehnt
    [unsubmitted] nicht eingereicht
    [cancelled] storniert
   *[other] { $status }
}
time-status-label = Status
time-from = Von
time-to = Bis
time-apply-dates = Daten anwenden
time-contract = Vertrag
time-contract-hint = Die aktiven Verträge des Mitglieds, nach Projekt.
time-choose-member-first = Zuerst ein Mitglied wählen
time-no-contract = Kein Vertrag (kein Projekt)
time-task = Aufgabe
time-no-task = Keine Aufgabe
time-date = Datum
time-start = Beginn
time-end = Ende
time-end-hint = HH:mm, nach dem Beginn.
time-in-all = { $duration } insgesamt.
time-anyone = Alle

## Timesheets
timesheets-waiting = { $count } warten auf Genehmigung
timesheets-whose = Stundenzettel von { $who } { $period }
timesheets-no-project = Kein Projekt
timesheets-breakdown-label = Tagesaufstellung des Stundenzettels von { $member }
timesheets-breakdown-summary = { $duration } insgesamt · Status { $status }
timesheets-rejected-reason = { " " }· abgelehnt: { $reason }
timesheets-no-time = Keine Zeit in diesem Zeitraum.
timesheets-project = Projekt
timesheets-total = Summe
timesheets-day-total = Tagessumme
timesheets-member = Mitglied
timesheets-period = Zeitraum
timesheets-submitted = Eingereicht
timesheets-reason = Grund
timesheets-approve = Genehmigen
timesheets-approve-who = { $who } genehmigen
timesheets-approved-who = { $who } genehmigt.
timesheets-unsubmit = Zurückziehen
timesheets-unsubmit-who = { $who } zurückziehen
timesheets-unsubmitted-who = { $who } zurückgezogen.
timesheets-submit = Einreichen
timesheets-submit-who = { $who } einreichen
timesheets-submitted-who = { $who } eingereicht.
timesheets-change-failed = { $who } konnte nicht geändert werden
timesheets-reject = Ablehnen
timesheets-reject-who = { $who } ablehnen
timesheets-rejected-who = { $who } abgelehnt.
timesheets-reject-failed = { $who } konnte nicht abgelehnt werden
timesheets-breakdown = Aufstellung
timesheets-entries = Einträge
timesheets-approved-count = { $count ->
    [one] { $count } Stundenzettel genehmigt.
   *[other] { $count } Stundenzettel genehmigt.
}
timesheets-approved-some = { $count } genehmigt; { $failed } konnten nicht genehmigt werden ({ $errors }).
timesheets-status-waiting = eingereicht (wartet auf Genehmigung)
timesheets-selected-region = Ausgewählte Stundenzettel
timesheets-selected-submitted = { $count } ausgewählt, davon { $submitted } eingereicht
timesheets-approve-selected = Auswahl genehmigen
timesheets-empty-waiting = Nichts wartet auf Genehmigung
timesheets-empty = Keine passenden Stundenzettel
timesheets-empty-hint = Ändern Sie Status, Mitglied oder Zeitraum.
timesheets-reject-title = Diesen Stundenzettel ablehnen?
timesheets-reject-message = { $who } geht mit Ihrer Begründung an das Mitglied zurück.
timesheets-approve-title = Die ausgewählten Stundenzettel genehmigen?
timesheets-approve-message = { $count ->
    [one] { $count } eingereichter Stundenzettel wird genehmigt; seine Einträge sind danach nicht mehr änderbar.
   *[other] { $count } eingereichte Stundenzettel werden genehmigt; ihre Einträge sind danach nicht mehr änderbar.
}

## Time requests
time-requests-whose = Antrag von { $who } für { $when }
time-requests-approved = { $who } genehmigt; der Zeiteintrag wurde angelegt.
time-requests-approve-failed = { $who } konnte nicht genehmigt werden: { $error }
time-requests-reject-failed = { $who } konnte nicht abgelehnt werden: { $error }
time-requests-when = Wann
time-requests-duration = Dauer
time-requests-description = Beschreibung
time-requests-comment = Kommentar
time-requests-entry = Eintrag
time-requests-new = Zeit für ein Mitglied beantragen
time-requests-wait-loaded = warten Sie, bis die Liste geladen ist
time-requests-status-waiting = ausstehend (wartet auf Genehmigung)
time-requests-empty-waiting = Kein Antrag wartet auf Genehmigung
time-requests-empty = Keine passenden Anträge
time-requests-empty-hint = Der Zeitraum bezieht sich auf den Tag, an dem die beantragte Zeit beginnt.
time-requests-reject-title = Diesen Antrag ablehnen?
time-requests-reject-message = { $who } wird abgelehnt; das Mitglied sieht Ihren Kommentar.
time-requests-filed = Zeitantrag gestellt; er wartet auf Genehmigung.
time-requests-choose-member = Mitglied wählen
time-requests-activity = Tätigkeitsbeschreibung
time-requests-file = Antrag stellen
time-requests-filing = Wird gestellt…

## Time zones of the time pages
zone-time = Uhrzeit
zone-clock-hint = HH:mm, 24-Stunden, nach der Uhr des Mitglieds.
zone-city-time = Zeit in { $city }
zone-running = läuft
zone-member-mode = Zeiten in der Zone des Mitglieds: { $zone }.
zone-viewer-mode = Zeiten in Ihrer Zone: { $zone }. Tage und Tagessummen sind die Tage des Mitglieds.
zone-show-viewer = In meiner Zone zeigen ({ $zone })
zone-show-member = In der Zone des Mitglieds zeigen
zone-days-note = Tage und Tagessummen sind die Tage des Mitglieds ({ $zone }).
zone-timeline = Zeiten nach der Uhr des Arbeitsbereich-Inhabers, wie die API antwortet ({ $offset }).

## Leaves
leaves-days = { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
}
leaves-period = { $code ->
    [0] Ganzer Tag
    [1] Erste Tageshälfte
    [2] Zweite Tageshälfte
   *[other] { $label }
}
leaves-period-inline = { $code ->
    [0] ganzer Tag
    [1] erste Tageshälfte
    [2] zweite Tageshälfte
   *[other] { $label }
}
leaves-tab-requests = Anträge
leaves-tab-calendar = Kalender
leaves-tab-balances = Salden
leaves-tab-policies = Regelungen
leaves-request = Abwesenheit beantragen
leaves-requesting = Wird beantragt…
leaves-views = Ansichten der Abwesenheiten
leaves-approved = Abwesenheit von { $who } genehmigt.
leaves-approve-failed = Die Abwesenheit von { $who } konnte nicht genehmigt werden: { $error }
leaves-approve-who = Abwesenheit von { $who } genehmigen
leaves-reject-who = Abwesenheit von { $who } ablehnen
leaves-rejected = Abwesenheit von { $who } abgelehnt.
leaves-type = Art
leaves-dates = Daten
leaves-amount = Umfang
leaves-any-status = Jeder Status
leaves-any-type = Jede Art
leaves-filter = Abwesenheitsanträge filtern
leaves-reject-form = Abwesenheit ablehnen
leaves-reason-hint = Wird dem Mitglied angezeigt.
leaves-requests = Abwesenheitsanträge
leaves-row = Abwesenheit { $id }
leaves-empty = Keine Abwesenheitsanträge
leaves-empty-hint = Ändern Sie die Filter oder beantragen Sie eine Abwesenheit.
leaves-previous-month = ‹ Voriger Monat
leaves-next-month = Nächster Monat ›
leaves-away-in = Wer im { $month } abwesend ist
leaves-pending-mark = { " " }· ausstehend
leaves-previous-year = ‹ Voriges Jahr
leaves-next-year = Nächstes Jahr ›
leaves-balances-year = Salden { $year }
leaves-balances-caption = Abwesenheitssalden: verbleibendes Kontingent im Jahr
leaves-policies = Abwesenheitsregelungen
leaves-counts = Zählt
leaves-paid = Bezahlt
leaves-allowance = Kontingent pro Jahr
leaves-counts-hours = Stunden
leaves-counts-days = Tage
leaves-allowance-days = { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
}
leaves-unlimited = unbegrenzt
leaves-requested = Abwesenheit beantragt.
leaves-leave-type = Abwesenheitsart
leaves-choose-type = Art wählen
leaves-first-day = Erster Tag
leaves-last-day = Letzter Tag
leaves-part-of-day = Teil des Tages
leaves-part-of-day-hint = Halbe Tage zählen als 0,5.
leaves-hours-per-day = Stunden pro Tag
leaves-hours-per-day-hint = Leer: die Spanne von–bis.
leaves-working-days = Es zählen Arbeitstage (Montag bis Freitag); der Antrag wartet auf Genehmigung.

## Time entries
time-entries-locked-approved-on = Im genehmigten Stundenzettel vom { $from } – { $to }, genehmigt am { $on }.
time-entries-locked-in = Im genehmigten Stundenzettel vom { $from } – { $to }.
time-entries-locked = Ein genehmigter Stundenzettel umfasst diesen Tag.
time-entries-locked-badge = Gesperrt
time-entries-method = Methode
time-entries-edit-when = Eintrag vom { $when } bearbeiten
time-entries-delete-when = Eintrag vom { $when } löschen
time-entries-deleted = Eintrag vom { $when } gelöscht.
time-entries-delete-failed = Der Eintrag konnte nicht gelöscht werden: { $error }
time-entries-add = Zeit hinzufügen
time-entries-choose-member-first = wählen Sie zuerst ein Mitglied
time-entries-any-project = Jedes Projekt
time-entries-empty = Keine Zeit an diesen Tagen
time-entries-empty-hint = Die API listet die Zeit jeweils eines Mitglieds; wählen Sie Mitglied und Tage.
time-entries-total = { $count ->
    [one] { $count } Eintrag, { $duration } insgesamt.
   *[other] { $count } Einträge, { $duration } insgesamt.
}
time-entries-delete-title = Diesen Zeiteintrag löschen?
time-entries-delete-message = Der Eintrag vom { $when } ({ $duration }) wird endgültig entfernt.
time-entries-saved = Zeiteintrag gespeichert.
time-entries-saved-part = { $saved } von { $asked } gespeichert: der Rest überschnitt sich mit bereits erfasster Zeit.
time-entries-added = { $duration } hinzugefügt.
time-entries-clock-hint = HH:mm, 24-Stunden.
time-entries-project-contract = Projekt (Vertrag)
time-entries-notes-placeholder = Was getan wurde

## Live tracking
tracking-tracking = erfasst
tracking-since = seit { $since }
tracking-since-for = seit { $since } ({ $duration })
tracking-stopped = Tracker von { $name } gestoppt: { $duration } erfasst ({ $span }).
tracking-stopped-short = Tracker von { $name } gestoppt. Er lief unter einer Minute, daher wurde kein Zeiteintrag angelegt.
tracking-stop-failed = Der Tracker von { $name } konnte nicht gestoppt werden: { $error }
tracking-tracker = Tracker
tracking-unknown = unbekannt: { $problem }
tracking-not-tracking = erfasst nicht
tracking-on = Woran
tracking-today = Heute
tracking-stop = Stoppen
tracking-stop-who = Tracker von { $name } stoppen
tracking-start-for = Tracker für { $name } starten
tracking-summary = { $running } erfassen gerade, von { $checked ->
    [one] { $checked } Mitglied
   *[other] { $checked } Mitgliedern
} auf dem Bildschirm ({ $all } insgesamt; die API liest einen Tracker pro Anfrage).
tracking-name-placeholder = Name oder E-Mail
tracking-only-running = Nur Mitglieder, die gerade erfassen
tracking-none-can-track = Kein Mitglied kann Zeit erfassen
tracking-none-can-track-hint = Hier erscheinen aktive Mitglieder, die keine Projektbeobachter sind.
tracking-trackers = Tracker
tracking-no-match = Kein passendes Mitglied
tracking-no-match-hint = Ändern Sie den Namensfilter, zeigen Sie Mitglieder, die nicht erfassen, oder zeigen Sie mehr Mitglieder.
tracking-show-more = { $count } weitere zeigen ({ $left } nicht gezeigt)
tracking-started-on = Tracker von { $name } für { $project } um { $at } gestartet.
tracking-started = Tracker von { $name } um { $at } gestartet.
tracking-activity-placeholder = Woran gearbeitet wird
tracking-start-tracker = Tracker starten
tracking-starting = Wird gestartet…

## Dashboard
dashboard-change = { $sign }{ $percent } % von Montag bis gestern, verglichen mit denselben Tagen der Vorwoche
dashboard-last-week-same = Vorige Woche: { $same } an denselben Tagen, { $all } insgesamt.
dashboard-last-week = Vorige Woche: { $all } insgesamt.
dashboard-leave = Abwesenheit
dashboard-tracking-now = Erfassen gerade
dashboard-trackers-read = In den letzten 5 Minuten gelesene Tracker: { $read } von { $members ->
    [one] { $members } Mitglied
   *[other] { $members } Mitgliedern
} (Ihrer und die Zeilen aus der Live-Zeiterfassung). Die API liest einen Tracker pro Anfrage; die Live-Zeiterfassung zeigt die übrigen.
dashboard-hours-today = Stunden heute
dashboard-hours-today-hint = Die abgeschlossene Zeit aller heute, plus die laufenden Tracker unter „Erfassen gerade“.
dashboard-this-week = Diese Woche
dashboard-monday-to-today = Montag bis heute ({ $today }), abgeschlossene Zeit.
dashboard-waiting = Wartet auf Genehmigung
dashboard-pending-timesheets = { $count ->
    [one] { " " }Stundenzettel
   *[other] { " " }Stundenzettel
}
dashboard-pending-time-requests = { $count ->
    [one] { " " }Zeitantrag
   *[other] { " " }Zeitanträge
}
dashboard-pending-leaves = { $count ->
    [one] { " " }Abwesenheitsantrag
   *[other] { " " }Abwesenheitsanträge
}
dashboard-on-leave = Heute abwesend
dashboard-nobody-on-leave = Heute ist niemand abwesend.
