# Los textos del panel en español. Ids: los de en.ftl.

## La aplicación y su marco
app-name = Administración de WebWork
common-skip-to-content = Saltar al contenido
header-workspace = Espacio de trabajo
header-loading-workspaces = Cargando espacios de trabajo…
header-language = Idioma
header-sign-out = Cerrar sesión
nav-label = Secciones
nav-dashboard = Panel
nav-tracking = Seguimiento en vivo
nav-time-entries = Registros de tiempo
nav-timesheets = Hojas de horas
nav-time-requests = Solicitudes de tiempo
nav-leaves = Ausencias
nav-expenses = Gastos
nav-reports = Informes
nav-members = Miembros
nav-projects = Proyectos
nav-contracts = Contratos
nav-tasks = Tareas
nav-viewers = Observadores de proyecto
nav-webhooks = Webhooks
shell-not-member = No eres miembro del espacio de trabajo { $workspace }. Elige uno de los tuyos en la lista de arriba.
shell-workspace-name = Espacio de trabajo: { $name }
shell-data-age = Datos de hace { $age }
shell-data-age-refreshing = { " " }· actualizando…
shell-data-age-title = Los datos más antiguos de esta página; se vuelven a pedir cuando pueden haber cambiado.
shell-data-age-refreshing-title = Se muestran desde la caché de esta pestaña mientras llega una respuesta más reciente.
home-opening = Abriendo tu espacio de trabajo…
home-no-workspace = Esta cuenta no pertenece a ningún espacio de trabajo activo.
notfound-title = Página no encontrada
notfound-nothing-here = No hay nada en esta dirección.
notfound-in-workspace = No hay nada en esta dirección de este espacio de trabajo.
notfound-go-home = Ir a tu espacio de trabajo
theme-system-dark = Tema: del sistema (oscuro)
theme-system-light = Tema: del sistema (claro)
theme-light = Tema: claro
theme-dark = Tema: oscuro

## El presupuesto de peticiones en la cabecera
budget-spent = Presupuesto agotado: próxima petición en { $seconds } s
budget-server = Quedan { $remaining }/{ $limit } (servidor)
budget-unlimited = Presupuesto: ilimitado
budget-estimate = ≈ Quedan { $remaining }/{ $limit } (nuestra cuenta)
budget-server-title = La última respuesta del servidor dijo que quedan { $remaining } de { $limit } peticiones en este minuto (X-RateLimit-Remaining y X-RateLimit-Limit; estos nombres de cabecera son inferidos, la referencia de la API no los muestra).
budget-unlimited-title = Este panel no regula el ritmo de sus peticiones (la API permite 60 por minuto).
budget-estimate-title = Una estimación: nuestra propia cuenta de lo que este panel envió en el último minuto (quedan { $remaining } de { $limit }). La última respuesta del servidor no traía presupuesto (X-RateLimit-Remaining y X-RateLimit-Limit; estos nombres de cabecera son inferidos, la referencia de la API no los muestra), y no se cuentan otras pestañas o aplicaciones que usen el mismo token.
budget-spent-title = Ninguna petición puede salir ahora sin esperar; la siguiente sale en { $seconds } s. { $source }
budget-wait-note = Esperando al límite de peticiones de la API: próximos datos en { $seconds } s
api-not-signed-in = No has iniciado sesión.
api-lost-answer-absent = la respuesta se perdió por el camino y la lista muestra que no se guardó nada, así que enviarlo de nuevo no crea un duplicado
api-lost-answer-unsure = La respuesta se perdió por el camino y la lista no permite saber si se guardó: revisa la lista antes de enviarlo de nuevo.

## Palabras comunes
common-loading = Cargando…
common-retry = Reintentar
common-cancel = Cancelar
common-confirm = Confirmar
common-undo = Deshacer
common-dismiss = Cerrar
common-save = Guardar
common-saving = Guardando…
common-edit = Editar
common-apply = Aplicar
common-clear = Limpiar
common-clear-selection = Quitar la selección
common-any = Cualquiera
common-yes = sí
common-no = no
common-unknown = desconocido
common-not-set = (sin definir)
common-selected = { $count ->
    [one] { $count } seleccionado
   *[other] { $count } seleccionados
}

## Errores
error-title-check-form = Revisa el formulario
error-title-signed-out = Sesión cerrada
error-title-not-allowed = No permitido
error-title-not-found = No encontrado
error-title-conflict = Conflicto
error-title-rate-limited = Límite de peticiones alcanzado
error-title-server = Error del servidor
error-title-http = Respuesta inesperada
error-title-network = Servidor inaccesible
error-title-timeout = Tiempo agotado
error-title-aborted = Cancelado
error-title-decode = Respuesta ilegible
error-invalid-request = `{ $field }` { $reason }; la petición no se envió.
error-validation = { $message }
error-validation-detail = { $message } ({ $detail })
error-unauthorized = Sin sesión: { $message } Comprueba el token de acceso o vuelve a iniciar sesión.
error-forbidden = No permitido: { $message } Tu rol en este espacio de trabajo no puede hacer esto.
error-not-found = No encontrado: { $message } Puede que se haya eliminado o que esté en otro espacio de trabajo.
error-conflict = { $message }
error-rate-limited = Demasiadas peticiones: se agotó el presupuesto de 60 por minuto. Vuelve a intentarlo dentro de un minuto.
error-rate-limited-wait = Demasiadas peticiones: se agotó el presupuesto de 60 por minuto. Se libera en { $seconds } s.
error-rate-limited-countdown = Demasiadas peticiones: se agotó el presupuesto de 60 por minuto. Se libera en { $seconds } s.
error-rate-limited-countdown-retry = Demasiadas peticiones: se agotó el presupuesto de 60 por minuto. Se libera en { $seconds } s. Entonces se reintenta solo.
error-rate-limited-freed = Demasiadas peticiones: se agotó el presupuesto de 60 por minuto. Ya se ha liberado: vuelve a enviar.
error-server = El servidor falló ({ $status }): { $message } Vuelve a intentarlo en un momento.
error-http = Respuesta inesperada ({ $status }): { $message }
error-network = No se pudo contactar con el servidor: { $message }. Comprueba la conexión y la dirección de la API; en un navegador, un servidor que no admite el origen de esta página (CORS) falla igual.
error-timeout = El servidor no respondió en { $seconds } s.
error-aborted = La petición se canceló.
error-decode = No se pudo leer la respuesta del servidor en `{ $path }`: { $message }

## Formularios
form-required = Obligatorio.
form-max-chars = Como máximo { $max } caracteres.
form-between = Debe estar entre { $min } y { $max }.
form-whole-number = Debe ser un número entero.
form-not-negative = No puede ser negativo.
form-number = Debe ser un número.
reason-too-large = Es demasiado grande.
reason-one-or-more = Debe ser 1 o más.
reason-zero-or-one = Debe ser 0 o 1.
reason-project-or-contract = Obligatorio (o elige un contrato en su lugar).
reason-task-status = El estado de una tarea nueva debe ser 0, 10, 20 o 30.
reason-task-priority = Debe ser 10, 20, 30 o 40.
reason-needs-contract = Necesita también un contrato.
reason-after-start = Debe ser posterior al inicio.
reason-with-start-time = Va junto con una hora de inicio (una ausencia contada en horas).
reason-hours-per-day = Debe ser más de 0 y como mucho 24.
reason-one-event = Elige al menos un evento.
reason-url-text-long = Tiene más de 255 caracteres (viaja en la dirección).
reason-url-list-long = Tiene más de 10 elementos (viajan en la dirección).
reason-url-item-long = Tiene un elemento de más de 255 caracteres (viaja en la dirección).
reason-text = Debe ser un texto.
reason-true-or-false = Debe ser sí o no.
reason-text-long = Tiene más de 10.000 caracteres.
reason-date = Debe ser una fecha con el formato AAAA-MM-DD.
reason-clock = Debe ser una hora con el formato HH:mm (de 00:00 a 23:59).
reason-date-time = Debe ser una fecha y hora como 2024-01-15T09:00:00Z.
reason-email = Debe ser una dirección de correo como nombre@ejemplo.com.
reason-url = Debe ser una dirección http:// o https://.
reason-not-before-start = No puede ser anterior a la fecha de inicio.
reason-end-before-start = La fecha final { $end } es anterior a la fecha de inicio { $start }.
reason-between-one-and = Debe estar entre 1 y { $value }.
reason-one-of = Debe ser uno de: { $value }.
reason-range-too-long = { $days ->
    [one] Forma un rango de { $days } día; la API permite como mucho { $max }.
   *[other] Forma un rango de { $days } días; la API permite como mucho { $max }.
}

## Tablas, páginas, rangos de fechas, gráficos
table-actions = Acciones
table-select-all = Seleccionar todas las filas de esta página
table-select-row = Seleccionar { $label }
pagination-label = Paginación
pagination-previous = ‹ Anterior
pagination-previous-label = Página anterior
pagination-next = Siguiente ›
pagination-next-label = Página siguiente
pagination-page = Página { $page }
pagination-per-page = Por página
pagination-none-of = 0 de { $total }
pagination-empty-page = No hay elementos en esta página
pagination-range-of = { $from }–{ $to } de { $total }
pagination-range = { $from }–{ $to }
range-label = Rango de fechas
range-this-week = Esta semana
range-last-week = Semana pasada
range-this-month = Este mes
range-last-month = Mes pasado
range-custom = Personalizado
range-previous = Rango anterior
range-previous-key = Rango anterior ([)
range-next = Rango siguiente
range-next-key = Rango siguiente (])
range-start = Inicio
range-end = Fin
range-days = { $days ->
    [one] { $days } día
   *[other] { $days } días
}
range-end-before-start = La fecha de fin ({ $end }) es anterior a la de inicio ({ $start }).
range-too-long = Este informe abarca como máximo { $max } días; el rango tiene { $days }. Elige un rango más corto.
chart-table-view = Ver como tabla
chart-legend = Leyenda
chart-total = Total ({ $unit })
chart-bars-summary = { $title }: { $categories } categorías, { $series } series, { $total } { $unit } en total, como máximo { $max } { $unit } en una
chart-start = Inicio
chart-end = Fin
chart-hours = Horas
chart-what = Qué
chart-timeline-summary = { $title }: { $lanes } filas de { $from } a { $to }, { $hours } h registradas
chart-no-data = Sin datos
chart-date = Fecha
chart-status = Estado
chart-detail = Detalle
chart-heat-summary = { $title }: { $days } días. { $summary }
chart-others = Otros

## Inicio de sesión
signin-failed = No se pudo iniciar sesión
signin-with-webwork = Iniciar sesión con WebWork
signin-with-webwork-hint = A través de este servidor: el token de tu cuenta de WebWork se queda en el servidor, nunca en este navegador.
signin-or-token = o usa un token de acceso personal
signin-base-url = URL base de la API
signin-base-url-hint = La dirección de la API v2, terminada en /api/v2.
signin-this-server = Este servidor
signin-real-api = La API real de WebWork
signin-dev-proxy = API real por el proxy de desarrollo
signin-dev-proxy-title = Con trunk serve: la API real a través del servidor de desarrollo, así CORS no aplica
signin-token = Token de acceso personal
signin-token-hint = Se crea en WebWork en Ajustes → REST API. El sandbox imprime tokens de demostración, p. ej. demo-owner.
signin-remember = Recordarme en este dispositivo
signin-remember-hint = Guarda el token en el almacenamiento local de este navegador. Si no, se olvida al cerrar la pestaña.
signin-submit = Iniciar sesión
signin-signing-in = Iniciando sesión…
signin-no-workspace = Sesión iniciada, pero esta cuenta no pertenece a ningún espacio de trabajo activo.
signin-problem-token = El servidor no aceptó este token (401). Comprueba que esté completo y no haya caducado, o crea un token de acceso personal nuevo en WebWork en Ajustes → REST API.
signin-problem-unreachable = No se pudo contactar con { $base }. Comprueba la dirección y tu conexión.
signin-problem-unreachable-cors = No se pudo contactar con { $base }. Comprueba la dirección y tu conexión. La API real también puede rechazar llamadas desde el origen de esta página (CORS): el navegador falla entonces de la misma forma. Usa el panel detrás del proxy de desarrollo (README, "Dev proxy").
signin-problem-not-api = { $base } respondió 404: no parece la URL base de la API v2 (termina en /api/v2).
reauth-title = Vuelve a iniciar sesión
reauth-message = Tu sesión ha terminado. Vuelve a iniciar sesión para continuar: esta página y lo que hayas escrito se quedan como están; envía el formulario de nuevo cuando vuelvas.
reauth-waiting = Esperando a la ventana de inicio de sesión…
reauth-popup-blocked = El navegador bloqueó la ventana de inicio de sesión. Permite ventanas emergentes para este sitio, o cierra sesión y vuelve a entrar.
reauth-sign-out = Cerrar sesión en su lugar
refused-title = La API de WebWork no abre este espacio de trabajo a tu rol
refused-role = La API solo está abierta a propietarios y directivos del espacio de trabajo. Tu rol en { $workspace } es { $role }, así que ninguna de sus páginas puede cargarse.
refused-workspace = espacio de trabajo { $workspace }
refused-server-said = El servidor dijo:
refused-ask-owner = Pide al propietario del espacio de trabajo que te haga directivo, o inicia sesión con la cuenta de un propietario o directivo.
refused-workspaces = Espacios de trabajo que puedes administrar:
refused-other-account = Iniciar sesión con otra cuenta
signedin-title = Has iniciado sesión
signedin-close = Puedes cerrar esta ventana y volver al panel.
signedin-open-here = Abrir el panel aquí

## Miembros
role-owner = Propietario
role-executive-manager = Directivo
role-project-manager = Jefe de proyecto
role-team-manager = Jefe de equipo
role-regular-user = Usuario normal
role-project-viewer = Observador de proyecto
role-client = Cliente
member-status-active = activo
member-status-inactive = inactivo
member-status-left = se fue
member-status-unknown = desconocido
members-title = Miembros
members-archived-title = Miembros archivados
members-invite = Invitar a un miembro
members-tabs-label = Qué miembros
members-tab-current = Actuales
members-tab-archived = Archivados
members-search = Buscar
members-search-placeholder = Nombre, correo o cargo
members-email-exact = Correo (exacto)
members-email-placeholder = nombre@ejemplo.com
members-search-hint = La búsqueda y la vista de archivados leen todas las páginas de la lista (100 miembros por petición) y paginan el resultado aquí.
members-selected-label = Miembros seleccionados
members-restore-selected = Restaurar los seleccionados
members-archive-selected = Archivar los seleccionados
members-col-name = Nombre
members-col-email = Correo
members-col-role = Rol
members-col-status = Estado
members-col-team = Equipo
members-col-title = Cargo
members-status-archived = { $status } · archivado
members-restore = Restaurar
members-restore-name = Restaurar a { $name }
members-archive = Archivar
members-archive-name = Archivar a { $name }
members-empty = Ningún miembro coincide
members-empty-archived = No hay miembros archivados
members-empty-hint = Cambia los filtros o invita a alguien.
members-archive-title = { $count ->
    [one] ¿Archivar a este miembro?
   *[other] ¿Archivar a { $count } miembros?
}
members-archive-confirm-one = { $name } pierde el acceso a este espacio de trabajo. Puedes restaurarlo más tarde desde la vista de archivados.
members-archive-confirm-many = { $count } miembros pierden el acceso a este espacio de trabajo. Puedes restaurarlos más tarde desde la vista de archivados.
members-archived-one = { $name } archivado.
members-archived-many = { $count } miembros archivados.
members-archive-failed = { $count ->
    [one] No se pudo archivar 1 miembro: { $error }
   *[other] No se pudieron archivar { $count } miembros: { $error }
}
members-restored = { $count ->
    [one] 1 miembro restaurado.
   *[other] { $count } miembros restaurados.
}
members-restore-failed = { $count ->
    [one] No se pudo restaurar 1 miembro: { $error }
   *[other] No se pudieron restaurar { $count } miembros: { $error }
}
members-restore-failed-any = No se pudo restaurar: { $error }
member-back = Miembro
member-archived-banner = Este miembro está archivado: no puede entrar en el espacio de trabajo hasta que se restaure.
member-archive-confirm = { $name } pierde el acceso a este espacio de trabajo. Puedes restaurarlo más tarde.
member-id = ID
member-first-name = Nombre
member-last-name = Apellidos
member-avatar = Avatar
member-time-zone = Zona horaria
member-time-zone-placeholder = Europe/Madrid
member-time-zone-hint = Empieza a escribir una ciudad o región; la lista tiene todas las zonas que conoce este navegador.
member-preferred-time-zone = Zona horaria preferida
member-titles = Cargos
member-birth-date = Fecha de nacimiento
member-hired = Contratado
member-max-inactive = Minutos máximos de inactividad
member-currency = Moneda
member-rate = Tarifa
member-rate-type = Tipo de tarifa
member-rate-visibility = Visibilidad de la tarifa
member-rate-visibility-hint = Si este miembro puede ver tarifas e importes.
member-rate-hidden = Oculta
member-rate-visible = Visible
member-tax-country = País fiscal
member-tax-state = Estado fiscal
member-blocked = Bloqueado
member-weekly-hours = Límite de horas semanales
member-weekly-hours-hint = De 0 a 168.
member-screenshots = Capturas de pantalla
member-created = Creado
member-updated = Actualizado
member-archived = Archivado
member-owner-role = Rol: Propietario. El rol del propietario del espacio de trabajo no puede cambiar.
member-remove-avatar = Quitar el avatar
member-saved = Miembro guardado.
member-edit-title = Editar a { $name }
invite-title = Invitar a un miembro
invite-submit = Enviar la invitación
invite-sending = Enviando…
invite-sent = Invitación enviada
invite-link = También puede unirse con este enlace:
invite-copy-link = Copiar el enlace
invite-view-member = Ver el miembro

## Informes
reports-tracked-hours = Horas registradas
reports-tracked-hours-about = Horas por día, apiladas por proyecto o por miembro.
reports-timeline = Cronología diaria
reports-timeline-about = El tiempo registrado de cada miembro a lo largo de un día.
reports-activity = Nivel de actividad
reports-activity-about = Actividad media por miembro en un rango.
reports-attendance = Asistencia diaria
reports-attendance-about = Presente, tarde, ausente o de permiso, día a día.
reports-tasks = Informe de tareas
reports-tasks-about = Tiempo por tarea en un rango.
reports-stack-by = Apilar por
reports-day = Día
reports-member = Miembro
reports-project = Proyecto
reports-task = Tarea
reports-everyone = Todos
reports-every-project = Todos los proyectos
reports-first-member = Primer miembro
reports-previous-day = Día anterior
reports-next-day = Día siguiente
reports-member-id = miembro { $id }
reports-project-id = proyecto { $id }
reports-no-project = (sin proyecto)
reports-no-task = (sin tarea)
reports-other-tasks = Otras tareas
reports-nothing-tracked = Nada registrado
reports-nothing-tracked-hint = No hay tiempo registrado en este rango con estos filtros.
reports-split-note = La API da como máximo { $max } días cada vez: este rango se pide en { $parts ->
    [one] { $parts } parte.
   *[other] { $parts } partes.
}
reports-split-note-member = Para un solo miembro, la API da como máximo { $max } días cada vez: este rango se pide en { $parts ->
    [one] { $parts } parte.
   *[other] { $parts } partes.
}
reports-tracked-by-project = Horas registradas por proyecto: { $total } h
reports-tracked-by-member = Horas registradas por miembro: { $total } h
reports-timeline-of = Cronología del { $date }
reports-span-activity = actividad { $percent }
reports-average-activity = Actividad media
reports-activity-title = Actividad media por miembro
reports-status-present = Presente
reports-status-late = Tarde
reports-status-left-early = Salida anticipada
reports-status-tracked-less = Registró menos
reports-status-absent = Ausente
reports-status-on-leave = De permiso
reports-status-holiday = Festivo
reports-attendance-note = Una petición por día: como máximo { $max } días.
reports-attendance-of = Asistencia de { $name }
reports-attendance-summary = Todos los miembros: { $present ->
    [one] { $present } día presente
   *[other] { $present } días presentes
} de { $days ->
    [one] { $days } día-miembro.
   *[other] { $days } días-miembro.
}
reports-tasks-title = Horas por tarea, por miembro

## Exportar
export-csv = Exportar CSV
export-json = Exportar JSON
export-progress = Progreso de la exportación
export-rows = { $rows ->
    [one] { $rows } fila
   *[other] { $rows } filas
}
export-rows-of = { $rows } de { $total } filas
export-almost-done = casi listo
export-seconds-left = quedan unos { $seconds } s
export-minutes-left = quedan unos { $minutes } min { $seconds } s
export-done = { $rows ->
    [one] { $rows } fila exportada a { $file }.
   *[other] { $rows } filas exportadas a { $file }.
}
export-save-failed = No se pudo guardar { $file }: { $error }
export-browser-refused = el navegador rechazó la descarga: { $reason }
export-no-reason = sin motivo indicado
export-no-document = no hay documento
export-cancelled = Exportación cancelada.

## Webhooks
common-delete = Eliminar
webhooks-col-url = URL
webhooks-col-events = Eventos
webhooks-delete-name = Eliminar el webhook de { $url }
webhooks-deleted = Webhook de { $url } eliminado.
webhooks-delete-failed = No se pudo eliminar el webhook: { $error }
webhooks-empty = No hay webhooks
webhooks-empty-hint = Un webhook llama a tu URL cuando cambian miembros, proyectos o cronómetros.
webhooks-delete-title = ¿Eliminar este webhook?
webhooks-delete-confirm = { $url } ya no recibirá eventos.
webhooks-events-required = Elige al menos un evento.
webhooks-inferred = (inferido)
webhooks-inferred-title = No está en la lista de eventos de la referencia
webhooks-new-title = Nuevo webhook
webhooks-created = Webhook creado
webhooks-created-token = Los envíos a { $url } llevan este token en la cabecera X-Webhook-Token. Cópialo ahora: solo se muestra esta vez.
webhooks-url-placeholder = https://hooks.ejemplo.com/webwork
webhooks-url-hint = Una dirección http:// o https:// que acepte peticiones POST.
webhooks-create = Crear webhook
webhooks-creating = Creando…
webhooks-saved = Webhook guardado.
webhooks-edit-title = Editar webhook

## Proyectos
projects-as-saved = { $mode } (como se guardó)
projects-tags = Etiquetas
projects-tags-placeholder = diseño, cliente-a
projects-tags-hint = Separa las etiquetas con comas; las nuevas se crean.
projects-billable = Facturable
projects-billable-hint = El tiempo de un proyecto facturable se factura a su tarifa.
projects-deadline = Fecha límite
projects-start-date = Fecha de inicio
projects-estimation = Estimación (horas)
projects-budget = Presupuesto
projects-rate-per-hour = Tarifa (por hora)
projects-screenshot-mode = Modo de capturas
projects-notes = Notas
projects-new = Nuevo proyecto
projects-create = Crear proyecto
projects-name-contains = El nombre contiene
projects-name-placeholder = Cualquier parte del nombre
projects-empty = No hay proyectos
projects-empty-hint = Crea uno o cambia el filtro de nombre.
projects-archive-title = ¿Archivar este proyecto?
projects-archive-confirm = { $name } sale de las listas y ya no admite tiempo. La API no permite restaurar un proyecto.
projects-archive-failed = No se pudo archivar { $name }: { $error }
projects-saved = Proyecto guardado.
projects-created = { $name } creado.
projects-summary = Proyecto { $id } · { $contracts ->
    [one] { $contracts } contrato
   *[other] { $contracts } contratos
} · creado { $created }

## Observadores de proyecto
viewers-new = Nuevo observador
viewers-new-title = Nuevo observador de proyecto
viewers-create = Crear observador
viewers-created = { $name } creado. Ahora asígnale proyectos.
viewers-restored = Observador restaurado.
viewers-tabs-label = Qué observadores
viewers-empty = No hay observadores de proyecto
viewers-empty-archived = No hay observadores archivados
viewers-empty-hint = Los observadores son clientes que pueden ver algunos proyectos, solo en lectura.
viewers-assigned = Proyecto asignado.
viewers-unassigned = Proyecto desasignado.
viewers-member-since = Miembro desde
viewers-projects-seen = Proyectos que ve este observador
viewers-unassign = Desasignar
viewers-unassign-name = Desasignar { $project }
viewers-add-project = Añadir un proyecto
viewers-choose-project = Elige un proyecto
viewers-assign = Asignar
viewers-none-yet = Ninguno todavía.
webhooks-copy-token = Copiar el token
webhooks-id = Webhook
common-done = Hecho

## Contratos
contracts-member = Miembro
contracts-project = Proyecto
contracts-member-id = miembro { $id }
contracts-on-project = { $member } en { $project }
contracts-rate-with-type = { $rate } ({ $type })
contracts-rate-custom = Tarifa propia
contracts-rate-member = Tarifa del miembro
contracts-rate-project = Tarifa del proyecto
contracts-status-active = activo
contracts-status-paused = en pausa
contracts-server-default = (lo que decida el servidor)
contracts-paused = { $name }: en pausa.
contracts-activated = { $name }: activado.
contracts-change-failed = No se pudo cambiar { $name }: { $error }
contracts-hours-week = Horas / semana
contracts-activate = Activar
contracts-pause = Pausar
contracts-activate-name = Activar el contrato de { $name }
contracts-pause-name = Pausar el contrato de { $name }
contracts-delete-name = Eliminar el contrato de { $name }
contracts-deleted = Contrato de { $name } eliminado.
contracts-delete-failed = No se pudo eliminar el contrato: { $error }
contracts-new = Nuevo contrato
contracts-create = Crear contrato
contracts-empty = Ningún contrato coincide
contracts-empty-hint = Un contrato asigna un miembro a un proyecto.
contracts-delete-title = ¿Eliminar este contrato?
contracts-delete-confirm = { $name } ya no podrá registrar tiempo en este proyecto.
contracts-saved = Contrato guardado.
contracts-created = Contrato creado.
contracts-choose-member = Elige un miembro
contracts-rate-type-hint = Una tarifa propia para este contrato, la tarifa del miembro o la del proyecto.
contracts-weekly-hours-hint = De 0 a 168; 168 si se deja vacío.
contracts-title = Contrato { $id }

## Tareas
tasks-task = Tarea
tasks-priority = Prioridad
tasks-assignees = Asignados
tasks-due = Vence
tasks-due-date = Fecha de vencimiento
tasks-title = Título
tasks-description = Descripción
tasks-status-open = Abierta
tasks-status-in-progress = En curso
tasks-status-done = Hecha
tasks-status-closed = Cerrada
tasks-priority-urgent = Urgente
tasks-priority-high = Alta
tasks-priority-normal = Normal
tasks-priority-low = Baja
tasks-no-priority = (ninguna)
tasks-new = Nueva tarea
tasks-create = Crear tarea
tasks-saved = Tarea guardada.
tasks-created = Tarea creada.
tasks-delete-name = Eliminar { $title }
tasks-deleted = { $title } eliminada.
tasks-delete-failed = No se pudo eliminar { $title }: { $error }
tasks-choose-project-first = elige antes un proyecto: las tareas se listan por proyecto
tasks-no-projects = Aún no hay proyectos
tasks-no-projects-hint = Las tareas pertenecen a un proyecto: crea uno primero.
tasks-empty = Ninguna tarea coincide
tasks-empty-hint = Cambia los filtros o añade una tarea.
tasks-delete-title = ¿Eliminar esta tarea?
tasks-delete-confirm = { $title } se quita del proyecto.
tasks-nobody = Nadie tiene todavía un contrato en este proyecto.
tasks-page-title = Tarea: { $title }

## Gastos
expenses-new = Nuevo gasto
expenses-views = Vistas de gastos
expenses-categories = Categorías
expenses-expense = Gasto
expenses-category = Categoría
expenses-type = Tipo
expenses-amount = Importe
expenses-type-billable = facturable
expenses-type-non-billable = no facturable
expenses-no-category = (sin categoría)
expenses-totals = { $count ->
    [one] { $count } gasto, { $total } en total
   *[other] { $count } gastos, { $total } en total
}
expenses-totals-page = { $count ->
    [one] Esta página: { $count } gasto, { $total } en total
   *[other] Esta página: { $count } gastos, { $total } en total
}
expenses-totals-label = Totales
expenses-totals-partial = (los filtros abarcan más de lo que se puede sumar rápido; acótalos para ver el total completo)
expenses-filter = Filtrar gastos
expenses-from = Desde
expenses-to = Hasta
expenses-anyone = Cualquiera
expenses-any-project = Cualquier proyecto
expenses-any-category = Cualquier categoría
expenses-any-type = Cualquier tipo
expenses-empty = No hay gastos
expenses-empty-hint = Cambia los filtros o registra uno.
expenses-delete-title = ¿Eliminar este gasto?
expenses-delete-confirm = { $name } se quita de las listas y de los totales.
expenses-saved = Gasto guardado.
expenses-recorded = { $name } registrado.
expenses-choose-category = Elige una categoría
expenses-me = (yo)
expenses-member-hint = De quién es el gasto; tuyo si se deja vacío.
expenses-note = Nota
expenses-record = Registrar gasto
expenses-not-found = No hay ningún gasto { $id } en este espacio de trabajo.
expenses-summary = { $member } · { $amount } · añadido { $added }

## What the time pages share
time-duration-minutes = { $sign }{ $minutes } min
time-duration-hours = { $sign }{ $hours } h { $minutes } min
time-hours = { $hours } h
time-clock-invalid = Una hora como HH:mm, de 00:00 a 23:59.
time-start-not-date = La fecha de inicio no es una fecha (AAAA-MM-DD).
time-end-not-date = La fecha de fin no es una fecha (AAAA-MM-DD).
time-end-before-start = La fecha de fin es anterior a la de inicio.
time-range-too-long = { $max ->
    [one] Como máximo { $max } día
   *[other] Como máximo { $max } días
} a la vez; este intervalo tiene { $days }.
time-updated = Actualizado hace { $seconds } s.
time-reading = Leyendo…
time-refresh-now = Actualizar ahora
time-member-fallback = miembro { $id }
time-project-fallback = proyecto { $id }
time-status = { $status ->
    [any] cualquiera
    [pending] pendiente
    [submitted] enviada
    [approved] aprobada
    [rejected] rechazada
    [unsubmitted] sin enviar
    [cancelled] cancelada
   *[other] { $status }
}
time-status-label = Estado
time-from = Desde
time-to = Hasta
time-apply-dates = Aplicar fechas
time-contract = Contrato
time-contract-hint = Los contratos activos del miembro, por proyecto.
time-choose-member-first = Elija primero un miembro
time-no-contract = Sin contrato (sin proyecto)
time-task = Tarea
time-no-task = Sin tarea
time-date = Fecha
time-start = Inicio
time-end = Fin
time-end-hint = HH:mm, después del inicio.
time-in-all = { $duration } en total.
time-anyone = Cualquiera

## Timesheets
timesheets-waiting = { $count } esperando aprobación
timesheets-whose = Hoja de horas de { $who } { $period }
timesheets-no-project = Sin proyecto
timesheets-breakdown-label = Desglose diario de la hoja de horas de { $member }
timesheets-breakdown-summary = { $duration } en total · estado { $status }
timesheets-rejected-reason = { " " }· rechazada: { $reason }
timesheets-no-time = No hay tiempo en este periodo.
timesheets-project = Proyecto
timesheets-total = Total
timesheets-day-total = Total del día
timesheets-member = Miembro
timesheets-period = Periodo
timesheets-submitted = Enviada
timesheets-reason = Motivo
timesheets-approve = Aprobar
timesheets-approve-who = Aprobar { $who }
timesheets-approved-who = Aprobada: { $who }.
timesheets-unsubmit = Retirar envío
timesheets-unsubmit-who = Retirar el envío de { $who }
timesheets-unsubmitted-who = Envío retirado: { $who }.
timesheets-submit = Enviar
timesheets-submit-who = Enviar { $who }
timesheets-submitted-who = Enviada: { $who }.
timesheets-change-failed = No se pudo cambiar { $who }
timesheets-reject = Rechazar
timesheets-reject-who = Rechazar { $who }
timesheets-rejected-who = Rechazada: { $who }.
timesheets-reject-failed = No se pudo rechazar { $who }
timesheets-breakdown = Desglose
timesheets-entries = Registros
timesheets-approved-count = { $count ->
    [one] Se aprobó { $count } hoja de horas.
   *[other] Se aprobaron { $count } hojas de horas.
}
timesheets-approved-some = Aprobadas: { $count }; { $failed } no se pudieron aprobar ({ $errors }).
timesheets-status-waiting = enviadas (esperando aprobación)
timesheets-selected-region = Hojas de horas seleccionadas
timesheets-selected-submitted = { $count } seleccionadas, { $submitted } de ellas enviadas
timesheets-approve-selected = Aprobar las seleccionadas
timesheets-empty-waiting = Nada espera aprobación
timesheets-empty = Ninguna hoja de horas coincide
timesheets-empty-hint = Cambie el estado, el miembro o el periodo.
timesheets-reject-title = ¿Rechazar esta hoja de horas?
timesheets-reject-message = { $who } vuelve al miembro con su motivo.
timesheets-approve-title = ¿Aprobar las hojas de horas seleccionadas?
timesheets-approve-message = { $count ->
    [one] Se aprueba { $count } hoja de horas enviada; sus registros ya no se podrán editar.
   *[other] Se aprueban { $count } hojas de horas enviadas; sus registros ya no se podrán editar.
}

## Time requests
time-requests-whose = la solicitud de { $who } de { $when }
time-requests-approved = Aprobada { $who }; se escribió su registro de tiempo.
time-requests-approve-failed = No se pudo aprobar { $who }: { $error }
time-requests-reject-failed = No se pudo rechazar { $who }: { $error }
time-requests-when = Cuándo
time-requests-duration = Duración
time-requests-description = Descripción
time-requests-comment = Comentario
time-requests-entry = Registro
time-requests-new = Solicitar tiempo para un miembro
time-requests-wait-loaded = espere a que la lista termine de cargar
time-requests-status-waiting = pendientes (esperando aprobación)
time-requests-empty-waiting = Ninguna solicitud espera aprobación
time-requests-empty = Ninguna solicitud coincide
time-requests-empty-hint = El intervalo se aplica al día en que empieza el tiempo solicitado.
time-requests-reject-title = ¿Rechazar esta solicitud?
time-requests-reject-message = Se rechaza { $who }; el miembro ve su comentario.
time-requests-filed = Solicitud de tiempo enviada; espera aprobación.
time-requests-choose-member = Elija un miembro
time-requests-activity = Descripción de la actividad
time-requests-file = Enviar solicitud
time-requests-filing = Enviando…

## Time zones of the time pages
zone-time = Hora
zone-clock-hint = HH:mm, 24 horas, en el reloj del miembro.
zone-city-time = hora de { $city }
zone-running = en curso
zone-member-mode = Las horas están en la zona del miembro: { $zone }.
zone-viewer-mode = Las horas están en su zona: { $zone }. Los días y sus totales son los días del miembro.
zone-show-viewer = Mostrar en mi zona ({ $zone })
zone-show-member = Mostrar en la zona del miembro
zone-days-note = Los días y sus totales son los días del miembro ({ $zone }).
zone-timeline = Las horas están en el reloj del propietario del espacio de trabajo, como responde la API ({ $offset }).

## Leaves
leaves-days = { $days ->
    [one] { $days } día
   *[other] { $days } días
}
leaves-period = { $code ->
    [0] Día completo
    [1] Primera mitad
    [2] Segunda mitad
   *[other] { $label }
}
leaves-period-inline = { $code ->
    [0] día completo
    [1] primera mitad
    [2] segunda mitad
   *[other] { $label }
}
leaves-tab-requests = Solicitudes
leaves-tab-calendar = Calendario
leaves-tab-balances = Saldos
leaves-tab-policies = Políticas
leaves-request = Solicitar ausencia
leaves-requesting = Solicitando…
leaves-views = Vistas de ausencias
leaves-approved = Se aprobó la ausencia de { $who }.
leaves-approve-failed = No se pudo aprobar la ausencia de { $who }: { $error }
leaves-approve-who = Aprobar la ausencia de { $who }
leaves-reject-who = Rechazar la ausencia de { $who }
leaves-rejected = Se rechazó la ausencia de { $who }.
leaves-type = Tipo
leaves-dates = Fechas
leaves-amount = Cantidad
leaves-any-status = Cualquier estado
leaves-any-type = Cualquier tipo
leaves-filter = Filtrar solicitudes de ausencia
leaves-reject-form = Rechazar ausencia
leaves-reason-hint = Se muestra al miembro.
leaves-requests = Solicitudes de ausencia
leaves-row = ausencia { $id }
leaves-empty = No hay solicitudes de ausencia
leaves-empty-hint = Cambie los filtros o solicite una ausencia.
leaves-previous-month = ‹ Mes anterior
leaves-next-month = Mes siguiente ›
leaves-away-in = Quién está ausente en { $month }
leaves-pending-mark = { " " }· pendiente
leaves-previous-year = ‹ Año anterior
leaves-next-year = Año siguiente ›
leaves-balances-year = Saldos { $year }
leaves-balances-caption = Saldos de ausencias: lo que queda de la asignación del año
leaves-policies = Políticas de ausencia
leaves-counts = Cuenta
leaves-paid = Pagada
leaves-allowance = Asignación anual
leaves-counts-hours = horas
leaves-counts-days = días
leaves-allowance-days = { $days ->
    [one] { $days } día
   *[other] { $days } días
}
leaves-unlimited = ilimitada
leaves-requested = Ausencia solicitada.
leaves-leave-type = Tipo de ausencia
leaves-choose-type = Elija un tipo
leaves-first-day = Primer día
leaves-last-day = Último día
leaves-part-of-day = Parte del día
leaves-part-of-day-hint = Los medios días cuentan como 0,5.
leaves-hours-per-day = Horas por día
leaves-hours-per-day-hint = Vacío: el intervalo desde–hasta.
leaves-working-days = Cuentan los días laborables (de lunes a viernes); la solicitud espera aprobación.

## Time entries
time-entries-locked-approved-on = En la hoja de horas aprobada del { $from } – { $to }, aprobada el { $on }.
time-entries-locked-in = En la hoja de horas aprobada del { $from } – { $to }.
time-entries-locked = Una hoja de horas aprobada cubre este día.
time-entries-locked-badge = Bloqueado
time-entries-method = Método
time-entries-edit-when = Editar el registro de { $when }
time-entries-delete-when = Eliminar el registro de { $when }
time-entries-deleted = Se eliminó el registro de { $when }.
time-entries-delete-failed = No se pudo eliminar el registro: { $error }
time-entries-add = Añadir tiempo
time-entries-choose-member-first = elija primero un miembro
time-entries-any-project = Cualquier proyecto
time-entries-empty = No hay tiempo en estos días
time-entries-empty-hint = La API lista el tiempo de un miembro cada vez; elija el miembro y los días.
time-entries-total = { $count ->
    [one] { $count } registro, { $duration } en total.
   *[other] { $count } registros, { $duration } en total.
}
time-entries-delete-title = ¿Eliminar este registro de tiempo?
time-entries-delete-message = El registro de { $when } ({ $duration }) se elimina para siempre.
time-entries-saved = Registro de tiempo guardado.
time-entries-saved-part = Se guardaron { $saved } de { $asked }: el resto se solapaba con tiempo ya registrado.
time-entries-added = Se añadieron { $duration }.
time-entries-clock-hint = HH:mm, 24 horas.
time-entries-project-contract = Proyecto (contrato)
time-entries-notes-placeholder = Qué se hizo

## Live tracking
tracking-tracking = registrando
tracking-since = desde las { $since }
tracking-since-for = desde las { $since } ({ $duration })
tracking-stopped = Se detuvo el registrador de { $name }: { $duration } escritos ({ $span }).
tracking-stopped-short = Se detuvo el registrador de { $name }. Funcionó menos de un minuto, así que no se escribió ningún registro de tiempo.
tracking-stop-failed = No se pudo detener el registrador de { $name }: { $error }
tracking-tracker = Registrador
tracking-unknown = desconocido: { $problem }
tracking-not-tracking = sin registrar
tracking-on = En
tracking-today = Hoy
tracking-stop = Detener
tracking-stop-who = Detener el registrador de { $name }
tracking-start-for = Iniciar un registrador para { $name }
tracking-summary = { $running } registrando ahora entre { $checked ->
    [one] { $checked } miembro
   *[other] { $checked } miembros
} en pantalla ({ $all } en total; la API lee un registrador por solicitud).
tracking-name-placeholder = Nombre o correo
tracking-only-running = Solo miembros que registran ahora
tracking-none-can-track = Ningún miembro puede registrar tiempo
tracking-none-can-track-hint = Aquí aparecen los miembros activos que no son observadores de proyectos.
tracking-trackers = Registradores
tracking-no-match = Ningún miembro coincide
tracking-no-match-hint = Cambie el filtro de nombre, muestre a los miembros que no registran o muestre más miembros.
tracking-show-more = Mostrar { $count } más ({ $left } sin mostrar)
tracking-started-on = Se inició el registrador de { $name } en { $project } a las { $at }.
tracking-started = Se inició el registrador de { $name } a las { $at }.
tracking-activity-placeholder = En qué está trabajando
tracking-start-tracker = Iniciar registrador
tracking-starting = Iniciando…

## Dashboard
dashboard-change = { $sign }{ $percent } % de lunes a ayer, frente a los mismos días de la semana pasada
dashboard-last-week-same = Semana pasada: { $same } en los mismos días, { $all } en total.
dashboard-last-week = Semana pasada: { $all } en total.
dashboard-leave = Ausencia
dashboard-tracking-now = Registrando ahora
dashboard-trackers-read = Registradores leídos en los últimos 5 minutos: { $read } de { $members ->
    [one] { $members } miembro
   *[other] { $members } miembros
} (el suyo y las filas mostradas en Seguimiento en vivo). La API lee un registrador por solicitud; Seguimiento en vivo muestra los demás.
dashboard-hours-today = Horas de hoy
dashboard-hours-today-hint = El tiempo cerrado de todos hoy, más los registradores en curso de Registrando ahora.
dashboard-this-week = Esta semana
dashboard-monday-to-today = De lunes a hoy ({ $today }), tiempo cerrado.
dashboard-waiting = Esperando aprobación
dashboard-pending-timesheets = { $count ->
    [one] { " " }hoja de horas
   *[other] { " " }hojas de horas
}
dashboard-pending-time-requests = { $count ->
    [one] { " " }solicitud de tiempo
   *[other] { " " }solicitudes de tiempo
}
dashboard-pending-leaves = { $count ->
    [one] { " " }solicitud de ausencia
   *[other] { " " }solicitudes de ausencia
}
dashboard-on-leave = De ausencia hoy
dashboard-nobody-on-leave = Nadie está ausente hoy.
