# As mensagens dos widgets (crates/widgets). Veja en.ftl.

## O que um widget diz quando falta algo
widget-needs-configure = Não configurado: a página precisa chamar { $call } uma vez (o token nunca vai na marcação).
widget-needs-base-url = Não configurado: defina o atributo base-url (ex.: { $example }) ou chame { $call }.
widget-needs-attribute = Não configurado: defina { $attribute } com { $what }.
widget-bad-value = Não configurado: { $attribute } deve ser { $what }, não “{ $value }”.
widget-bad-range = Não configurado: range deve ser this-week, last-week, this-month, last-month, last-N-days ou AAAA-MM-DD..AAAA-MM-DD (no máximo um ano), não “{ $value }”.
widget-bad-month = Não configurado: month deve estar no formato AAAA-MM, não “{ $value }”.
widget-what-workspace = o número do espaço de trabalho
widget-what-member = o ID de usuário do membro
widget-what-member-ids = IDs de usuário separados por vírgulas
widget-what-group-by = member ou project
widget-no-token = Sem token: chame { $call } primeiro.
widget-refused-title = Não permitido
widget-refused = A API recusou este token para este widget (403): o papel do token não pode vê-lo. Peça acesso a um proprietário do espaço de trabalho.
# Exibida por webwork-widgets.js quando o código dos widgets não consegue carregar.
widget-load-failed = Não foi possível carregar este widget ({ $error }).

## Durações, nomes e fusos
format-minutes = { $minutes } min
format-hours = { $hours } h
format-hours-minutes = { $hours } h { $minutes } min
name-project = Projeto
name-task = Tarefa
name-no-project = Sem projeto
name-member-number = Membro nº { $id }
name-project-number = Projeto nº { $id }
name-unknown-member = Membro desconhecido
name-unknown-project = Projeto desconhecido
zone-note = Os horários estão no { $zone }.

## <webwork-timer>
timer-heading = Cronômetro
timer-since = Registrando desde { $time } ({ $zone })
timer-running-time = Tempo decorrido
timer-stop = Parar
timer-stopped = Sem registro. Hoje: { $today }
timer-contract = Contrato
timer-no-contract = Sem contrato
timer-task = Tarefa
timer-no-task = Sem tarefa
timer-start = Iniciar

## <webwork-team-status>
team-heading = Status da equipe
team-summary = { $working } de { $total } trabalhando agora
team-working = Trabalhando
team-not-tracking = Sem registro
team-since = { $on } · desde { $time }
team-today = { $duration } hoje
team-empty = Não há ninguém para mostrar neste espaço de trabalho.

## <webwork-hours-chart>
hours-heading = Horas registradas
hours-caption = Horas registradas de { $from } a { $to }
hours-summary = { $hours } h no total
hours-value = { $hours } h
hours-unit = h
hours-day = Dia
hours-others = Outros
hours-totals = Totais
hours-empty = Nenhum tempo registrado neste período.

## <webwork-leave-calendar>
leave-heading = Quem está ausente
leave-caption = Ausências em { $month }
leave-who = Quem
leave-default-policy = Ausência
leave-span = { $from } – { $to }
leave-detail = { $policy } · { $span }
leave-detail-pending = { $policy } · { $span } (pendente)
leave-legend-away = ausente
leave-legend-pending = aguardando aprovação
leave-empty = Ninguém está ausente em { $month }.

## <webwork-approvals>
approvals-heading = Aprovações
approvals-summary = { $count } aguardando aprovação
approvals-timesheet = Folha de horas { $from } – { $to }
approvals-time-request = Solicitação de tempo { $when }
approvals-span = { $date } { $from }–{ $to }
approvals-detail-note = { $duration } · { $note }
approvals-item = { $what } de { $who }
approvals-approve = Aprovar
approvals-approve-item = Aprovar { $item }
approvals-reject = Recusar
approvals-reject-item = Recusar { $item }
approvals-reason = Motivo (o membro vai ler)
approvals-confirm-rejection = Confirmar recusa
approvals-cancel = Cancelar
approvals-approved = Aprovado: { $what } de { $who }.
approvals-rejected = Recusado: { $what } de { $who }.
approvals-empty = Nada aguardando aprovação.

## Shared with the panel: webwork-ui's components in the widgets (error banners, loading,
## the chart, zone names); the same text as crates/admin/i18n has.
chart-bars-summary = { $title }: { $categories } categorias, { $series } séries, { $total } { $unit } no total, no máximo { $max } { $unit } em uma
chart-date = Data
chart-detail = Detalhe
chart-end = Fim
chart-heat-summary = { $title }: { $days } dias. { $summary }
chart-hours = Horas
chart-legend = Legenda
chart-no-data = Sem dados
chart-start = Início
chart-status = Situação
chart-table-view = Ver como tabela
chart-timeline-summary = { $title }: { $lanes } linhas de { $from } a { $to }, { $hours } h registradas
chart-total = Total ({ $unit })
chart-what = O quê
common-loading = Carregando…
common-retry = Tentar de novo
error-aborted = A requisição foi cancelada.
error-conflict = { $message }
error-decode = Não foi possível ler a resposta do servidor em `{ $path }`: { $message }
error-forbidden = Não permitido: { $message } Sua função neste espaço de trabalho não pode fazer isso.
error-http = Resposta inesperada ({ $status }): { $message }
error-invalid-request = `{ $field }` { $reason }; a requisição não foi enviada.
error-network = Não foi possível acessar o servidor: { $message }. Confira a conexão e o endereço da API; no navegador, um servidor que não permite a origem desta página (CORS) falha do mesmo jeito.
error-not-found = Não encontrado: { $message } Pode ter sido excluído ou estar em outro espaço de trabalho.
error-rate-limited = Requisições demais: a cota de 60 por minuto acabou. Tente de novo em um minuto.
error-rate-limited-countdown = Requisições demais: a cota de 60 por minuto acabou. Ela libera em { $seconds } s.
error-rate-limited-countdown-retry = Requisições demais: a cota de 60 por minuto acabou. Ela libera em { $seconds } s. Então tenta de novo sozinho.
error-rate-limited-freed = Requisições demais: a cota de 60 por minuto acabou. Ela já foi liberada: envie de novo.
error-rate-limited-wait = Requisições demais: a cota de 60 por minuto acabou. Ela libera em { $seconds } s.
error-server = O servidor falhou ({ $status }): { $message } Tente de novo em instantes.
error-timeout = O servidor não respondeu em { $seconds } s.
error-title-aborted = Cancelado
error-title-check-form = Confira o formulário
error-title-conflict = Conflito
error-title-decode = Resposta ilegível
error-title-http = Resposta inesperada
error-title-network = Servidor inacessível
error-title-not-allowed = Não permitido
error-title-not-found = Não encontrado
error-title-rate-limited = Limite de requisições atingido
error-title-server = Erro do servidor
error-title-signed-out = Sessão encerrada
error-title-timeout = Tempo esgotado
error-unauthorized = Não conectado: { $message } Confira o token de acesso ou entre de novo.
error-validation = { $message }
error-validation-detail = { $message } ({ $detail })
zone-city-time = horário de { $city }
