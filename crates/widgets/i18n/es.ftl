# Los mensajes de los widgets (crates/widgets). Véase en.ftl.

## Lo que dice un widget cuando le falta algo
widget-needs-configure = Sin configurar: la página debe llamar a { $call } una vez (el token nunca va en el marcado).
widget-needs-base-url = Sin configurar: define el atributo base-url (p. ej., { $example }) o llama a { $call }.
widget-needs-attribute = Sin configurar: define { $attribute } con { $what }.
widget-bad-value = Sin configurar: { $attribute } debe ser { $what }, no «{ $value }».
widget-bad-range = Sin configurar: range debe ser this-week, last-week, this-month, last-month, last-N-days o AAAA-MM-DD..AAAA-MM-DD (un año como máximo), no «{ $value }».
widget-bad-month = Sin configurar: month debe tener el formato AAAA-MM, no «{ $value }».
widget-what-workspace = el número del espacio de trabajo
widget-what-member = el ID de usuario del miembro
widget-what-member-ids = ID de usuario separados por comas
widget-what-group-by = member o project
widget-no-token = No hay token: llama primero a { $call }.
widget-refused-title = No permitido
widget-refused = La API rechazó este token para este widget (403): el rol del token no puede verlo. Pide acceso a un propietario del espacio de trabajo.
# Lo muestra webwork-widgets.js cuando el código de los widgets no se puede cargar.
widget-load-failed = Este widget no se pudo cargar ({ $error }).

## Duraciones, nombres y zonas
format-minutes = { $minutes } min
format-hours = { $hours } h
format-hours-minutes = { $hours } h { $minutes } min
name-project = Proyecto
name-task = Tarea
name-no-project = Sin proyecto
name-member-number = Miembro n.º { $id }
name-project-number = Proyecto n.º { $id }
name-unknown-member = Miembro desconocido
name-unknown-project = Proyecto desconocido
zone-note = Las horas están en { $zone }.

## <webwork-timer>
timer-heading = Temporizador
timer-since = Registrando desde las { $time } ({ $zone })
timer-running-time = Tiempo en marcha
timer-stop = Detener
timer-stopped = Sin registrar. Hoy: { $today }
timer-contract = Contrato
timer-no-contract = Sin contrato
timer-task = Tarea
timer-no-task = Sin tarea
timer-start = Iniciar

## <webwork-team-status>
team-heading = Estado del equipo
team-summary = { $working ->
    [one] { $working } de { $total } trabaja ahora
   *[other] { $working } de { $total } trabajan ahora
}
team-working = Trabajando
team-not-tracking = Sin registrar
team-since = { $on } · desde las { $time }
team-today = { $duration } hoy
team-empty = No hay nadie que mostrar en este espacio de trabajo.

## <webwork-hours-chart>
hours-heading = Horas registradas
hours-caption = Horas registradas del { $from } al { $to }
hours-summary = { $hours } h en total
hours-value = { $hours } h
hours-unit = h
hours-day = Día
hours-others = Otros
hours-totals = Totales
hours-empty = No hay tiempo registrado en este periodo.

## <webwork-leave-calendar>
leave-heading = Quién está ausente
leave-caption = Ausencias en { $month }
leave-who = Quién
leave-default-policy = Ausencia
leave-span = { $from } – { $to }
leave-detail = { $policy } · { $span }
leave-detail-pending = { $policy } · { $span } (pendiente)
leave-legend-away = ausente
leave-legend-pending = pendiente de aprobación
leave-empty = Nadie está ausente en { $month }.

## <webwork-approvals>
approvals-heading = Aprobaciones
approvals-summary = { $count ->
    [one] { $count } pendiente
   *[other] { $count } pendientes
}
approvals-timesheet = Hoja de horas { $from } – { $to }
approvals-time-request = Solicitud de tiempo { $when }
approvals-span = { $date } { $from }–{ $to }
approvals-detail-note = { $duration } · { $note }
approvals-item = { $what } de { $who }
approvals-approve = Aprobar
approvals-approve-item = Aprobar { $item }
approvals-reject = Rechazar
approvals-reject-item = Rechazar { $item }
approvals-reason = Motivo (el miembro lo leerá)
approvals-confirm-rejection = Confirmar el rechazo
approvals-cancel = Cancelar
approvals-approved = Aprobado: { $what } de { $who }.
approvals-rejected = Rechazado: { $what } de { $who }.
approvals-empty = No hay nada pendiente de aprobación.

## Shared with the panel: webwork-ui's components in the widgets (error banners, loading,
## the chart, zone names); the same text as crates/admin/i18n has.
chart-bars-summary = { $title }: { $categories } categorías, { $series } series, { $total } { $unit } en total, como máximo { $max } { $unit } en una
chart-date = Fecha
chart-detail = Detalle
chart-end = Fin
chart-heat-summary = { $title }: { $days } días. { $summary }
chart-hours = Horas
chart-legend = Leyenda
chart-no-data = Sin datos
chart-start = Inicio
chart-status = Estado
chart-table-view = Ver como tabla
chart-timeline-summary = { $title }: { $lanes } filas de { $from } a { $to }, { $hours } h registradas
chart-total = Total ({ $unit })
chart-what = Qué
common-loading = Cargando…
common-retry = Reintentar
error-aborted = La petición se canceló.
error-conflict = { $message }
error-decode = No se pudo leer la respuesta del servidor en `{ $path }`: { $message }
error-forbidden = No permitido: { $message } Tu rol en este espacio de trabajo no puede hacer esto.
error-http = Respuesta inesperada ({ $status }): { $message }
error-invalid-request = `{ $field }` { $reason }; la petición no se envió.
error-network = No se pudo contactar con el servidor: { $message }. Comprueba la conexión y la dirección de la API; en un navegador, un servidor que no admite el origen de esta página (CORS) falla igual.
error-not-found = No encontrado: { $message } Puede que se haya eliminado o que esté en otro espacio de trabajo.
error-rate-limited = Demasiadas peticiones: se agotó el presupuesto de 60 por minuto. Vuelve a intentarlo dentro de un minuto.
error-rate-limited-countdown = Demasiadas peticiones: se agotó el presupuesto de 60 por minuto. Se libera en { $seconds } s.
error-rate-limited-countdown-retry = Demasiadas peticiones: se agotó el presupuesto de 60 por minuto. Se libera en { $seconds } s. Entonces se reintenta solo.
error-rate-limited-freed = Demasiadas peticiones: se agotó el presupuesto de 60 por minuto. Ya se ha liberado: vuelve a enviar.
error-rate-limited-wait = Demasiadas peticiones: se agotó el presupuesto de 60 por minuto. Se libera en { $seconds } s.
error-server = El servidor falló ({ $status }): { $message } Vuelve a intentarlo en un momento.
error-timeout = El servidor no respondió en { $seconds } s.
error-title-aborted = Cancelado
error-title-check-form = Revisa el formulario
error-title-conflict = Conflicto
error-title-decode = Respuesta ilegible
error-title-http = Respuesta inesperada
error-title-network = Servidor inaccesible
error-title-not-allowed = No permitido
error-title-not-found = No encontrado
error-title-rate-limited = Límite de peticiones alcanzado
error-title-server = Error del servidor
error-title-signed-out = Sesión cerrada
error-title-timeout = Tiempo agotado
error-unauthorized = Sin sesión: { $message } Comprueba el token de acceso o vuelve a iniciar sesión.
error-validation = { $message }
error-validation-detail = { $message } ({ $detail })
zone-city-time = hora de { $city }
