# Os textos do painel em português do Brasil. Ids: os de en.ftl.

## O aplicativo e sua moldura
app-name = Administração do WebWork
common-skip-to-content = Pular para o conteúdo
header-workspace = Espaço de trabalho
header-loading-workspaces = Carregando espaços de trabalho…
header-language = Idioma
header-sign-out = Sair
nav-label = Seções
nav-dashboard = Painel
nav-tracking = Rastreamento ao vivo
nav-time-entries = Registros de tempo
nav-timesheets = Folhas de horas
nav-time-requests = Solicitações de tempo
nav-leaves = Ausências
nav-expenses = Despesas
nav-reports = Relatórios
nav-members = Membros
nav-projects = Projetos
nav-contracts = Contratos
nav-tasks = Tarefas
nav-viewers = Observadores de projeto
nav-webhooks = Webhooks
shell-not-member = Você não é membro do espaço de trabalho { $workspace }. Escolha um dos seus na lista acima.
shell-workspace-name = Espaço de trabalho: { $name }
shell-data-age = Dados de { $age } atrás
shell-data-age-refreshing = { " " }· atualizando…
shell-data-age-title = Os dados mais antigos desta página; são buscados de novo quando podem ter mudado.
shell-data-age-refreshing-title = Mostrados do cache desta aba enquanto uma resposta mais nova é buscada.
home-opening = Abrindo seu espaço de trabalho…
home-no-workspace = Esta conta não pertence a nenhum espaço de trabalho ativo.
notfound-title = Página não encontrada
notfound-nothing-here = Não há nada neste endereço.
notfound-in-workspace = Não há nada neste endereço deste espaço de trabalho.
notfound-go-home = Ir para o seu espaço de trabalho
theme-system-dark = Tema: do sistema (escuro)
theme-system-light = Tema: do sistema (claro)
theme-light = Tema: claro
theme-dark = Tema: escuro

## A cota de requisições no cabeçalho
budget-spent = Cota esgotada: próxima requisição em { $seconds } s
budget-server = Restam { $remaining }/{ $limit } (servidor)
budget-unlimited = Cota: ilimitada
budget-estimate = ≈ Restam { $remaining }/{ $limit } (nossa contagem)
budget-server-title = A última resposta do servidor disse que restam { $remaining } de { $limit } requisições neste minuto (X-RateLimit-Remaining e X-RateLimit-Limit; esses nomes de cabeçalho são inferidos, a referência da API não os mostra).
budget-unlimited-title = Este painel não controla o ritmo das requisições (a API permite 60 por minuto).
budget-estimate-title = Uma estimativa: nossa própria contagem do que este painel enviou no último minuto (restam { $remaining } de { $limit }). A última resposta do servidor não trouxe cota (X-RateLimit-Remaining e X-RateLimit-Limit; esses nomes de cabeçalho são inferidos, a referência da API não os mostra), e outras abas ou apps que usam o mesmo token não são contados.
budget-spent-title = Nenhuma requisição pode sair agora sem esperar; a próxima sai em { $seconds } s. { $source }
budget-wait-note = Aguardando o limite de requisições da API: próximos dados em { $seconds } s
api-not-signed-in = Você não está conectado.
api-lost-answer-absent = a resposta se perdeu no caminho, e a lista mostra que nada foi salvo, então enviar de novo não cria duplicata
api-lost-answer-unsure = A resposta se perdeu no caminho, e a lista não permite saber se foi salvo: confira a lista antes de enviar de novo.

## Palavras comuns
common-loading = Carregando…
common-retry = Tentar de novo
common-cancel = Cancelar
common-confirm = Confirmar
common-undo = Desfazer
common-dismiss = Fechar
common-save = Salvar
common-saving = Salvando…
common-edit = Editar
common-apply = Aplicar
common-clear = Limpar
common-clear-selection = Limpar a seleção
common-any = Qualquer
common-yes = sim
common-no = não
common-unknown = desconhecido
common-not-set = (não definido)
common-selected = { $count ->
    [one] { $count } selecionado
   *[other] { $count } selecionados
}

## Erros
error-title-check-form = Confira o formulário
error-title-signed-out = Sessão encerrada
error-title-not-allowed = Não permitido
error-title-not-found = Não encontrado
error-title-conflict = Conflito
error-title-rate-limited = Limite de requisições atingido
error-title-server = Erro do servidor
error-title-http = Resposta inesperada
error-title-network = Servidor inacessível
error-title-timeout = Tempo esgotado
error-title-aborted = Cancelado
error-title-decode = Resposta ilegível
error-invalid-request = `{ $field }` { $reason }; a requisição não foi enviada.
error-validation = { $message }
error-validation-detail = { $message } ({ $detail })
error-unauthorized = Não conectado: { $message } Confira o token de acesso ou entre de novo.
error-forbidden = Não permitido: { $message } Sua função neste espaço de trabalho não pode fazer isso.
error-not-found = Não encontrado: { $message } Pode ter sido excluído ou estar em outro espaço de trabalho.
error-conflict = { $message }
error-rate-limited = Requisições demais: a cota de 60 por minuto acabou. Tente de novo em um minuto.
error-rate-limited-wait = Requisições demais: a cota de 60 por minuto acabou. Ela libera em { $seconds } s.
error-rate-limited-countdown = Requisições demais: a cota de 60 por minuto acabou. Ela libera em { $seconds } s.
error-rate-limited-countdown-retry = Requisições demais: a cota de 60 por minuto acabou. Ela libera em { $seconds } s. Então tenta de novo sozinho.
error-rate-limited-freed = Requisições demais: a cota de 60 por minuto acabou. Ela já foi liberada: envie de novo.
error-server = O servidor falhou ({ $status }): { $message } Tente de novo em instantes.
error-http = Resposta inesperada ({ $status }): { $message }
error-network = Não foi possível acessar o servidor: { $message }. Confira a conexão e o endereço da API; no navegador, um servidor que não permite a origem desta página (CORS) falha do mesmo jeito.
error-timeout = O servidor não respondeu em { $seconds } s.
error-aborted = A requisição foi cancelada.
error-decode = Não foi possível ler a resposta do servidor em `{ $path }`: { $message }

## Formulários
form-required = Obrigatório.
form-max-chars = No máximo { $max } caracteres.
form-between = Deve estar entre { $min } e { $max }.
form-whole-number = Deve ser um número inteiro.
form-not-negative = Não pode ser negativo.
form-number = Deve ser um número.
reason-too-large = É grande demais.
reason-one-or-more = Deve ser 1 ou mais.
reason-zero-or-one = Deve ser 0 ou 1.
reason-project-or-contract = Obrigatório (ou escolha um contrato no lugar).
reason-task-status = O status de uma tarefa nova deve ser 0, 10, 20 ou 30.
reason-task-priority = Deve ser 10, 20, 30 ou 40.
reason-needs-contract = Precisa também de um contrato.
reason-after-start = Deve ser depois do início.
reason-with-start-time = Vai junto com um horário de início (uma ausência contada em horas).
reason-hours-per-day = Deve ser mais de 0 e no máximo 24.
reason-one-event = Escolha pelo menos um evento.
reason-url-text-long = Tem mais de 255 caracteres (vai no endereço).
reason-url-list-long = Tem mais de 10 itens (vão no endereço).
reason-url-item-long = Tem um item com mais de 255 caracteres (vai no endereço).
reason-text = Deve ser um texto.
reason-true-or-false = Deve ser sim ou não.
reason-text-long = Tem mais de 10.000 caracteres.
reason-date = Deve ser uma data no formato AAAA-MM-DD.
reason-clock = Deve ser um horário no formato HH:mm (00:00 a 23:59).
reason-date-time = Deve ser uma data e hora como 2024-01-15T09:00:00Z.
reason-email = Deve ser um endereço de e-mail como nome@exemplo.com.
reason-url = Deve ser um endereço http:// ou https://.
reason-not-before-start = Não pode ser antes da data de início.
reason-end-before-start = A data final { $end } é anterior à data de início { $start }.
reason-between-one-and = Deve estar entre 1 e { $value }.
reason-one-of = Deve ser um de: { $value }.
reason-range-too-long = { $days ->
    [one] Forma um período de { $days } dia; a API permite no máximo { $max }.
   *[other] Forma um período de { $days } dias; a API permite no máximo { $max }.
}

## Tabelas, páginas, períodos, gráficos
table-actions = Ações
table-select-all = Selecionar todas as linhas desta página
table-select-row = Selecionar { $label }
pagination-label = Paginação
pagination-previous = ‹ Anterior
pagination-previous-label = Página anterior
pagination-next = Próxima ›
pagination-next-label = Próxima página
pagination-page = Página { $page }
pagination-per-page = Por página
pagination-none-of = 0 de { $total }
pagination-empty-page = Nenhum item nesta página
pagination-range-of = { $from }–{ $to } de { $total }
pagination-range = { $from }–{ $to }
range-label = Período
range-this-week = Esta semana
range-last-week = Semana passada
range-this-month = Este mês
range-last-month = Mês passado
range-custom = Personalizado
range-previous = Período anterior
range-previous-key = Período anterior ([)
range-next = Próximo período
range-next-key = Próximo período (])
range-start = Início
range-end = Fim
range-days = { $days ->
    [one] { $days } dia
   *[other] { $days } dias
}
range-end-before-start = A data final ({ $end }) é anterior à data inicial ({ $start }).
range-too-long = Este relatório cobre no máximo { $max } dias; o período tem { $days }. Escolha um período mais curto.
chart-table-view = Ver como tabela
chart-legend = Legenda
chart-total = Total ({ $unit })
chart-bars-summary = { $title }: { $categories } categorias, { $series } séries, { $total } { $unit } no total, no máximo { $max } { $unit } em uma
chart-start = Início
chart-end = Fim
chart-hours = Horas
chart-what = O quê
chart-timeline-summary = { $title }: { $lanes } linhas de { $from } a { $to }, { $hours } h registradas
chart-no-data = Sem dados
chart-date = Data
chart-status = Situação
chart-detail = Detalhe
chart-heat-summary = { $title }: { $days } dias. { $summary }
chart-others = Outros

## Entrada
signin-failed = Não foi possível entrar
signin-with-webwork = Entrar com o WebWork
signin-with-webwork-hint = Por este servidor: o token da sua conta do WebWork fica no servidor, nunca neste navegador.
signin-or-token = ou use um token de acesso pessoal
signin-base-url = URL base da API
signin-base-url-hint = O endereço da API v2, terminando em /api/v2.
signin-this-server = Este servidor
signin-real-api = A API real do WebWork
signin-dev-proxy = API real pelo proxy de desenvolvimento
signin-dev-proxy-title = Com trunk serve: a API real pelo servidor de desenvolvimento, então o CORS não se aplica
signin-token = Token de acesso pessoal
signin-token-hint = Criado no WebWork em Configurações → REST API. O sandbox imprime tokens de demonstração, por exemplo demo-owner.
signin-remember = Lembrar de mim neste dispositivo
signin-remember-hint = Guarda o token no armazenamento local deste navegador. Caso contrário, ele é esquecido quando a aba fecha.
signin-submit = Entrar
signin-signing-in = Entrando…
signin-no-workspace = Conectado, mas esta conta não pertence a nenhum espaço de trabalho ativo.
signin-problem-token = O servidor não aceitou este token (401). Confira se está completo e não expirou, ou crie um novo token de acesso pessoal no WebWork em Configurações → REST API.
signin-problem-unreachable = Não foi possível acessar { $base }. Confira o endereço e sua conexão.
signin-problem-unreachable-cors = Não foi possível acessar { $base }. Confira o endereço e sua conexão. A API real também pode recusar chamadas da origem desta página (CORS): o navegador então falha do mesmo jeito. Use o painel atrás do proxy de desenvolvimento (README, "Dev proxy").
signin-problem-not-api = { $base } respondeu 404: isto não parece a URL base da API v2 (ela termina em /api/v2).
reauth-title = Entre de novo
reauth-message = Sua sessão terminou. Entre de novo para continuar: esta página e tudo o que você digitou ficam como estão; envie o formulário de novo quando voltar.
reauth-waiting = Aguardando a janela de entrada…
reauth-popup-blocked = O navegador bloqueou a janela de entrada. Permita pop-ups para este site, ou saia e entre de novo.
reauth-sign-out = Sair em vez disso
refused-title = A API do WebWork não abre este espaço de trabalho para a sua função
refused-role = A API só está aberta a proprietários e diretores do espaço de trabalho. Sua função em { $workspace } é { $role }, então nenhuma das páginas dele pode carregar.
refused-workspace = espaço de trabalho { $workspace }
refused-server-said = O servidor disse:
refused-ask-owner = Peça ao proprietário do espaço de trabalho para torná-lo diretor, ou entre com a conta de um proprietário ou diretor.
refused-workspaces = Espaços de trabalho que você pode administrar:
refused-other-account = Entrar com outra conta
signedin-title = Você está conectado
signedin-close = Você pode fechar esta janela e voltar ao painel.
signedin-open-here = Abrir o painel aqui

## Membros
role-owner = Proprietário
role-executive-manager = Diretor
role-project-manager = Gerente de projeto
role-team-manager = Gerente de equipe
role-regular-user = Usuário comum
role-project-viewer = Observador de projeto
role-client = Cliente
member-status-active = ativo
member-status-inactive = inativo
member-status-left = saiu
member-status-unknown = desconhecido
members-title = Membros
members-archived-title = Membros arquivados
members-invite = Convidar membro
members-tabs-label = Quais membros
members-tab-current = Atuais
members-tab-archived = Arquivados
members-search = Buscar
members-search-placeholder = Nome, e-mail ou cargo
members-email-exact = E-mail (exato)
members-email-placeholder = nome@exemplo.com.br
members-search-hint = A busca e a visão de arquivados leem todas as páginas da lista (100 membros por requisição) e paginam o resultado aqui.
members-selected-label = Membros selecionados
members-restore-selected = Restaurar os selecionados
members-archive-selected = Arquivar os selecionados
members-col-name = Nome
members-col-email = E-mail
members-col-role = Função
members-col-status = Situação
members-col-team = Equipe
members-col-title = Cargo
members-status-archived = { $status } · arquivado
members-restore = Restaurar
members-restore-name = Restaurar { $name }
members-archive = Arquivar
members-archive-name = Arquivar { $name }
members-empty = Nenhum membro corresponde
members-empty-archived = Nenhum membro arquivado
members-empty-hint = Mude os filtros ou convide alguém.
members-archive-title = { $count ->
    [one] Arquivar este membro?
   *[other] Arquivar { $count } membros?
}
members-archive-confirm-one = { $name } perde o acesso a este espaço de trabalho. Você pode restaurá-lo depois pela visão de arquivados.
members-archive-confirm-many = { $count } membros perdem o acesso a este espaço de trabalho. Você pode restaurá-los depois pela visão de arquivados.
members-archived-one = { $name } arquivado.
members-archived-many = { $count } membros arquivados.
members-archive-failed = { $count ->
    [one] Não foi possível arquivar 1 membro: { $error }
   *[other] Não foi possível arquivar { $count } membros: { $error }
}
members-restored = { $count ->
    [one] 1 membro restaurado.
   *[other] { $count } membros restaurados.
}
members-restore-failed = { $count ->
    [one] Não foi possível restaurar 1 membro: { $error }
   *[other] Não foi possível restaurar { $count } membros: { $error }
}
members-restore-failed-any = Não foi possível restaurar: { $error }
member-back = Membro
member-archived-banner = Este membro está arquivado: não consegue acessar o espaço de trabalho até ser restaurado.
member-archive-confirm = { $name } perde o acesso a este espaço de trabalho. Você pode restaurá-lo depois.
member-id = ID
member-first-name = Nome
member-last-name = Sobrenome
member-avatar = Avatar
member-time-zone = Fuso horário
member-time-zone-placeholder = America/Sao_Paulo
member-time-zone-hint = Comece a digitar uma cidade ou região; a lista tem todos os fusos que este navegador conhece.
member-preferred-time-zone = Fuso horário preferido
member-titles = Cargos
member-birth-date = Data de nascimento
member-hired = Contratado em
member-max-inactive = Máximo de minutos inativo
member-currency = Moeda
member-rate = Valor por hora
member-rate-type = Tipo de valor
member-rate-visibility = Visibilidade do valor
member-rate-visibility-hint = Se este membro pode ver valores e quantias.
member-rate-hidden = Oculto
member-rate-visible = Visível
member-tax-country = País fiscal
member-tax-state = Estado fiscal
member-blocked = Bloqueado
member-weekly-hours = Limite de horas semanais
member-weekly-hours-hint = De 0 a 168.
member-screenshots = Capturas de tela
member-created = Criado
member-updated = Atualizado
member-archived = Arquivado
member-owner-role = Função: Proprietário. A função do proprietário do espaço de trabalho não pode mudar.
member-remove-avatar = Remover o avatar
member-saved = Membro salvo.
member-edit-title = Editar { $name }
invite-title = Convidar um membro
invite-submit = Enviar convite
invite-sending = Enviando…
invite-sent = Convite enviado
invite-link = A pessoa também pode entrar com este link:
invite-copy-link = Copiar link
invite-view-member = Ver membro

## Relatórios
reports-tracked-hours = Horas registradas
reports-tracked-hours-about = Horas por dia, empilhadas por projeto ou por membro.
reports-timeline = Linha do tempo diária
reports-timeline-about = O tempo registrado de cada membro ao longo de um dia.
reports-activity = Nível de atividade
reports-activity-about = Atividade média por membro em um período.
reports-attendance = Presença diária
reports-attendance-about = Presente, atrasado, ausente ou de licença, dia a dia.
reports-tasks = Relatório de tarefas
reports-tasks-about = Tempo por tarefa em um período.
reports-stack-by = Empilhar por
reports-day = Dia
reports-member = Membro
reports-project = Projeto
reports-task = Tarefa
reports-everyone = Todos
reports-every-project = Todos os projetos
reports-first-member = Primeiro membro
reports-previous-day = Dia anterior
reports-next-day = Próximo dia
reports-member-id = membro { $id }
reports-project-id = projeto { $id }
reports-no-project = (sem projeto)
reports-no-task = (sem tarefa)
reports-other-tasks = Outras tarefas
reports-nothing-tracked = Nada registrado
reports-nothing-tracked-hint = Nenhum tempo registrado neste período com estes filtros.
reports-split-note = A API retorna no máximo { $max } dias por vez: este período é pedido em { $parts ->
    [one] { $parts } parte.
   *[other] { $parts } partes.
}
reports-split-note-member = Para um só membro, a API retorna no máximo { $max } dias por vez: este período é pedido em { $parts ->
    [one] { $parts } parte.
   *[other] { $parts } partes.
}
reports-tracked-by-project = Horas registradas por projeto: { $total } h
reports-tracked-by-member = Horas registradas por membro: { $total } h
reports-timeline-of = Linha do tempo de { $date }
reports-span-activity = atividade { $percent }
reports-average-activity = Atividade média
reports-activity-title = Atividade média por membro
reports-status-present = Presente
reports-status-late = Atrasado
reports-status-left-early = Saiu cedo
reports-status-tracked-less = Registrou menos
reports-status-absent = Ausente
reports-status-on-leave = De licença
reports-status-holiday = Feriado
reports-attendance-note = Uma requisição por dia: no máximo { $max } dias.
reports-attendance-of = Presença de { $name }
reports-attendance-summary = Todos os membros: { $present ->
    [one] { $present } dia presente
   *[other] { $present } dias presentes
} de { $days ->
    [one] { $days } dia-membro.
   *[other] { $days } dias-membro.
}
reports-tasks-title = Horas por tarefa, por membro

## Exportar
export-csv = Exportar CSV
export-json = Exportar JSON
export-progress = Progresso da exportação
export-rows = { $rows ->
    [one] { $rows } linha
   *[other] { $rows } linhas
}
export-rows-of = { $rows } de { $total } linhas
export-almost-done = quase pronto
export-seconds-left = faltam cerca de { $seconds } s
export-minutes-left = faltam cerca de { $minutes } min { $seconds } s
export-done = { $rows ->
    [one] { $rows } linha exportada para { $file }.
   *[other] { $rows } linhas exportadas para { $file }.
}
export-save-failed = Não foi possível salvar { $file }: { $error }
export-browser-refused = o navegador recusou o download: { $reason }
export-no-reason = nenhum motivo informado
export-no-document = nenhum documento
export-cancelled = Exportação cancelada.

## Webhooks
common-delete = Excluir
webhooks-col-url = URL
webhooks-col-events = Eventos
webhooks-delete-name = Excluir o webhook de { $url }
webhooks-deleted = Webhook de { $url } excluído.
webhooks-delete-failed = Não foi possível excluir o webhook: { $error }
webhooks-empty = Nenhum webhook
webhooks-empty-hint = Um webhook chama a sua URL quando membros, projetos ou rastreadores mudam.
webhooks-delete-title = Excluir este webhook?
webhooks-delete-confirm = { $url } não receberá mais eventos.
webhooks-events-required = Escolha pelo menos um evento.
webhooks-inferred = (inferido)
webhooks-inferred-title = Não está na lista de eventos da referência
webhooks-new-title = Novo webhook
webhooks-created = Webhook criado
webhooks-created-token = As entregas para { $url } levam este token no cabeçalho X-Webhook-Token. Copie agora: ele só aparece desta vez.
webhooks-url-placeholder = https://hooks.exemplo.com.br/webwork
webhooks-url-hint = Um endereço http:// ou https:// que aceite requisições POST.
webhooks-create = Criar webhook
webhooks-creating = Criando…
webhooks-saved = Webhook salvo.
webhooks-edit-title = Editar webhook

## Projetos
projects-as-saved = { $mode } (como foi salvo)
projects-tags = Etiquetas
projects-tags-placeholder = design, cliente-a
projects-tags-hint = Separe as etiquetas com vírgulas; as novas são criadas.
projects-billable = Faturável
projects-billable-hint = O tempo em um projeto faturável é cobrado pelo valor dele.
projects-deadline = Prazo
projects-start-date = Data de início
projects-estimation = Estimativa (horas)
projects-budget = Orçamento
projects-rate-per-hour = Valor (por hora)
projects-screenshot-mode = Modo de capturas de tela
projects-notes = Notas
projects-new = Novo projeto
projects-create = Criar projeto
projects-name-contains = O nome contém
projects-name-placeholder = Qualquer parte do nome
projects-empty = Nenhum projeto
projects-empty-hint = Crie um ou mude o filtro de nome.
projects-archive-title = Arquivar este projeto?
projects-archive-confirm = { $name } sai das listas e não recebe mais tempo. A API não tem como restaurar um projeto.
projects-archive-failed = Não foi possível arquivar { $name }: { $error }
projects-saved = Projeto salvo.
projects-created = { $name } criado.
projects-summary = Projeto { $id } · { $contracts ->
    [one] { $contracts } contrato
   *[other] { $contracts } contratos
} · criado em { $created }

## Observadores de projeto
viewers-new = Novo observador
viewers-new-title = Novo observador de projeto
viewers-create = Criar observador
viewers-created = { $name } criado. Agora atribua projetos.
viewers-restored = Observador restaurado.
viewers-tabs-label = Quais observadores
viewers-empty = Nenhum observador de projeto
viewers-empty-archived = Nenhum observador arquivado
viewers-empty-hint = Observadores são clientes que podem ver alguns projetos, somente leitura.
viewers-assigned = Projeto atribuído.
viewers-unassigned = Atribuição de projeto removida.
viewers-member-since = Membro desde
viewers-projects-seen = Projetos que este observador vê
viewers-unassign = Remover atribuição
viewers-unassign-name = Remover atribuição de { $project }
viewers-add-project = Adicionar um projeto
viewers-choose-project = Escolha um projeto
viewers-assign = Atribuir
viewers-none-yet = Nenhum ainda.
webhooks-copy-token = Copiar token
webhooks-id = Webhook
common-done = Concluído

## Contratos
contracts-member = Membro
contracts-project = Projeto
contracts-member-id = membro { $id }
contracts-on-project = { $member } em { $project }
contracts-rate-with-type = { $rate } ({ $type })
contracts-rate-custom = Valor próprio
contracts-rate-member = Valor do membro
contracts-rate-project = Valor do projeto
contracts-status-active = ativo
contracts-status-paused = pausado
contracts-server-default = (padrão do servidor)
contracts-paused = { $name }: pausado.
contracts-activated = { $name }: ativado.
contracts-change-failed = Não foi possível alterar { $name }: { $error }
contracts-hours-week = Horas / semana
contracts-activate = Ativar
contracts-pause = Pausar
contracts-activate-name = Ativar o contrato de { $name }
contracts-pause-name = Pausar o contrato de { $name }
contracts-delete-name = Excluir o contrato de { $name }
contracts-deleted = Contrato de { $name } excluído.
contracts-delete-failed = Não foi possível excluir o contrato: { $error }
contracts-new = Novo contrato
contracts-create = Criar contrato
contracts-empty = Nenhum contrato corresponde
contracts-empty-hint = Um contrato coloca um membro em um projeto.
contracts-delete-title = Excluir este contrato?
contracts-delete-confirm = { $name } não poderá mais registrar tempo neste projeto.
contracts-saved = Contrato salvo.
contracts-created = Contrato criado.
contracts-choose-member = Escolha um membro
contracts-rate-type-hint = Um valor próprio para este contrato, o valor do membro ou o do projeto.
contracts-weekly-hours-hint = De 0 a 168; 168 se ficar vazio.
contracts-title = Contrato { $id }

## Tarefas
tasks-task = Tarefa
tasks-priority = Prioridade
tasks-assignees = Responsáveis
tasks-due = Prazo
tasks-due-date = Data de entrega
tasks-title = Título
tasks-description = Descrição
tasks-status-open = Aberta
tasks-status-in-progress = Em andamento
tasks-status-done = Feita
tasks-status-closed = Fechada
tasks-priority-urgent = Urgente
tasks-priority-high = Alta
tasks-priority-normal = Normal
tasks-priority-low = Baixa
tasks-no-priority = (nenhuma)
tasks-new = Nova tarefa
tasks-create = Criar tarefa
tasks-saved = Tarefa salva.
tasks-created = Tarefa criada.
tasks-delete-name = Excluir { $title }
tasks-deleted = { $title } excluída.
tasks-delete-failed = Não foi possível excluir { $title }: { $error }
tasks-choose-project-first = escolha um projeto antes: as tarefas são listadas por projeto
tasks-no-projects = Ainda não há projetos
tasks-no-projects-hint = As tarefas pertencem a um projeto: crie um primeiro.
tasks-empty = Nenhuma tarefa corresponde
tasks-empty-hint = Mude os filtros ou adicione uma tarefa.
tasks-delete-title = Excluir esta tarefa?
tasks-delete-confirm = { $title } é removida do projeto.
tasks-nobody = Ninguém tem contrato neste projeto ainda.
tasks-page-title = Tarefa: { $title }

## Despesas
expenses-new = Nova despesa
expenses-views = Visões das despesas
expenses-categories = Categorias
expenses-expense = Despesa
expenses-category = Categoria
expenses-type = Tipo
expenses-amount = Valor
expenses-type-billable = faturável
expenses-type-non-billable = não faturável
expenses-no-category = (sem categoria)
expenses-totals = { $count ->
    [one] { $count } despesa, { $total } no total
   *[other] { $count } despesas, { $total } no total
}
expenses-totals-page = { $count ->
    [one] Esta página: { $count } despesa, { $total } no total
   *[other] Esta página: { $count } despesas, { $total } no total
}
expenses-totals-label = Totais
expenses-totals-partial = (os filtros abrangem mais do que dá para somar rápido; restrinja-os para ver o total completo)
expenses-filter = Filtrar despesas
expenses-from = De
expenses-to = Até
expenses-anyone = Qualquer pessoa
expenses-any-project = Qualquer projeto
expenses-any-category = Qualquer categoria
expenses-any-type = Qualquer tipo
expenses-empty = Nenhuma despesa
expenses-empty-hint = Mude os filtros ou registre uma.
expenses-delete-title = Excluir esta despesa?
expenses-delete-confirm = { $name } é removida das listas e dos totais.
expenses-saved = Despesa salva.
expenses-recorded = { $name } registrada.
expenses-choose-category = Escolha uma categoria
expenses-me = (eu)
expenses-member-hint = De quem é a despesa; sua, se ficar vazio.
expenses-note = Nota
expenses-record = Registrar despesa
expenses-not-found = Não há despesa { $id } neste espaço de trabalho.
expenses-summary = { $member } · { $amount } · adicionada { $added }

## What the time pages share
time-duration-minutes = { $sign }{ $minutes } min
time-duration-hours = { $sign }{ $hours } h { $minutes } min
time-hours = { $hours } h
time-clock-invalid = Um horário como HH:mm, de 00:00 a 23:59.
time-start-not-date = A data de início não é uma data (AAAA-MM-DD).
time-end-not-date = A data de término não é uma data (AAAA-MM-DD).
time-end-before-start = A data de término é anterior à data de início.
time-range-too-long = { $max ->
    [one] No máximo { $max } dia
   *[other] No máximo { $max } dias
} por vez; este intervalo tem { $days }.
time-updated = Atualizado há { $seconds } s.
time-reading = Lendo…
time-refresh-now = Atualizar agora
time-member-fallback = membro { $id }
time-project-fallback = projeto { $id }
time-status = { $status ->
    [any] qualquer
    [pending] pendente
    [submitted] enviada
    [approved] aprovada
    [rejected] rejeitada
    [unsubmitted] não enviada
    [cancelled] cancelada
   *[other] { $status }
}
time-status-label = Status
time-from = De
time-to = Até
time-apply-dates = Aplicar datas
time-contract = Contrato
time-contract-hint = Os contratos ativos do membro, por projeto.
time-choose-member-first = Escolha um membro primeiro
time-no-contract = Sem contrato (sem projeto)
time-task = Tarefa
time-no-task = Sem tarefa
time-date = Data
time-start = Início
time-end = Término
time-end-hint = HH:mm, depois do início.
time-in-all = { $duration } no total.
time-anyone = Qualquer pessoa

## Timesheets
timesheets-waiting = { $count } aguardando aprovação
timesheets-whose = Folha de horas de { $who } { $period }
timesheets-no-project = Sem projeto
timesheets-breakdown-label = Detalhamento diário da folha de horas de { $member }
timesheets-breakdown-summary = { $duration } no total · status { $status }
timesheets-rejected-reason = { " " }· rejeitada: { $reason }
timesheets-no-time = Nenhum tempo neste período.
timesheets-project = Projeto
timesheets-total = Total
timesheets-day-total = Total do dia
timesheets-member = Membro
timesheets-period = Período
timesheets-submitted = Enviada
timesheets-reason = Motivo
timesheets-approve = Aprovar
timesheets-approve-who = Aprovar { $who }
timesheets-approved-who = Aprovada: { $who }.
timesheets-unsubmit = Cancelar envio
timesheets-unsubmit-who = Cancelar o envio de { $who }
timesheets-unsubmitted-who = Envio cancelado: { $who }.
timesheets-submit = Enviar
timesheets-submit-who = Enviar { $who }
timesheets-submitted-who = Enviada: { $who }.
timesheets-change-failed = Não foi possível alterar { $who }
timesheets-reject = Rejeitar
timesheets-reject-who = Rejeitar { $who }
timesheets-rejected-who = Rejeitada: { $who }.
timesheets-reject-failed = Não foi possível rejeitar { $who }
timesheets-breakdown = Detalhamento
timesheets-entries = Registros
timesheets-approved-count = { $count ->
    [one] { $count } folha de horas aprovada.
   *[other] { $count } folhas de horas aprovadas.
}
timesheets-approved-some = Aprovadas: { $count }; { $failed } não puderam ser aprovadas ({ $errors }).
timesheets-status-waiting = enviadas (aguardando aprovação)
timesheets-selected-region = Folhas de horas selecionadas
timesheets-selected-submitted = { $count } selecionadas, { $submitted } delas enviadas
timesheets-approve-selected = Aprovar selecionadas
timesheets-empty-waiting = Nada aguarda aprovação
timesheets-empty = Nenhuma folha de horas corresponde
timesheets-empty-hint = Altere o status, o membro ou o período.
timesheets-reject-title = Rejeitar esta folha de horas?
timesheets-reject-message = { $who } volta ao membro com o seu motivo.
timesheets-approve-title = Aprovar as folhas de horas selecionadas?
timesheets-approve-message = { $count ->
    [one] { $count } folha de horas enviada é aprovada; seus registros não poderão mais ser editados.
   *[other] { $count } folhas de horas enviadas são aprovadas; seus registros não poderão mais ser editados.
}

## Time requests
time-requests-whose = a solicitação de { $who } de { $when }
time-requests-approved = Aprovada { $who }; o registro de tempo foi criado.
time-requests-approve-failed = Não foi possível aprovar { $who }: { $error }
time-requests-reject-failed = Não foi possível rejeitar { $who }: { $error }
time-requests-when = Quando
time-requests-duration = Duração
time-requests-description = Descrição
time-requests-comment = Comentário
time-requests-entry = Registro
time-requests-new = Solicitar tempo para um membro
time-requests-wait-loaded = aguarde até a lista carregar
time-requests-status-waiting = pendentes (aguardando aprovação)
time-requests-empty-waiting = Nenhuma solicitação aguarda aprovação
time-requests-empty = Nenhuma solicitação corresponde
time-requests-empty-hint = O intervalo se aplica ao dia em que o tempo solicitado começa.
time-requests-reject-title = Rejeitar esta solicitação?
time-requests-reject-message = { $who } é recusada; o membro vê o seu comentário.
time-requests-filed = Solicitação de tempo enviada; aguarda aprovação.
time-requests-choose-member = Escolha um membro
time-requests-activity = Descrição da atividade
time-requests-file = Enviar solicitação
time-requests-filing = Enviando…

## Time zones of the time pages
zone-time = Horário
zone-clock-hint = HH:mm, 24 horas, no relógio do membro.
zone-city-time = horário de { $city }
zone-running = em andamento
zone-member-mode = Os horários estão no fuso do membro: { $zone }.
zone-viewer-mode = Os horários estão no seu fuso: { $zone }. Os dias e seus totais são os dias do membro.
zone-show-viewer = Mostrar no meu fuso ({ $zone })
zone-show-member = Mostrar no fuso do membro
zone-days-note = Os dias e seus totais são os dias do membro ({ $zone }).
zone-timeline = Os horários estão no relógio do proprietário do espaço de trabalho, como a API responde ({ $offset }).

## Leaves
leaves-days = { $days ->
    [one] { $days } dia
   *[other] { $days } dias
}
leaves-period = { $code ->
    [0] Dia inteiro
    [1] Primeira metade
    [2] Segunda metade
   *[other] { $label }
}
leaves-period-inline = { $code ->
    [0] dia inteiro
    [1] primeira metade
    [2] segunda metade
   *[other] { $label }
}
leaves-tab-requests = Solicitações
leaves-tab-calendar = Calendário
leaves-tab-balances = Saldos
leaves-tab-policies = Políticas
leaves-request = Solicitar ausência
leaves-requesting = Solicitando…
leaves-views = Visões de ausências
leaves-approved = A ausência de { $who } foi aprovada.
leaves-approve-failed = Não foi possível aprovar a ausência de { $who }: { $error }
leaves-approve-who = Aprovar a ausência de { $who }
leaves-reject-who = Rejeitar a ausência de { $who }
leaves-rejected = A ausência de { $who } foi rejeitada.
leaves-type = Tipo
leaves-dates = Datas
leaves-amount = Quantidade
leaves-any-status = Qualquer status
leaves-any-type = Qualquer tipo
leaves-filter = Filtrar solicitações de ausência
leaves-reject-form = Rejeitar ausência
leaves-reason-hint = Mostrado ao membro.
leaves-requests = Solicitações de ausência
leaves-row = ausência { $id }
leaves-empty = Nenhuma solicitação de ausência
leaves-empty-hint = Altere os filtros ou solicite uma ausência.
leaves-previous-month = ‹ Mês anterior
leaves-next-month = Próximo mês ›
leaves-away-in = Quem está ausente em { $month }
leaves-pending-mark = { " " }· pendente
leaves-previous-year = ‹ Ano anterior
leaves-next-year = Próximo ano ›
leaves-balances-year = Saldos { $year }
leaves-balances-caption = Saldos de ausência: o que resta da cota do ano
leaves-policies = Políticas de ausência
leaves-counts = Conta
leaves-paid = Remunerada
leaves-allowance = Cota por ano
leaves-counts-hours = horas
leaves-counts-days = dias
leaves-allowance-days = { $days ->
    [one] { $days } dia
   *[other] { $days } dias
}
leaves-unlimited = ilimitada
leaves-requested = Ausência solicitada.
leaves-leave-type = Tipo de ausência
leaves-choose-type = Escolha um tipo
leaves-first-day = Primeiro dia
leaves-last-day = Último dia
leaves-part-of-day = Parte do dia
leaves-part-of-day-hint = Meios dias contam como 0,5.
leaves-hours-per-day = Horas por dia
leaves-hours-per-day-hint = Vazio: o intervalo de–até.
leaves-working-days = Contam os dias úteis (segunda a sexta); a solicitação aguarda aprovação.

## Time entries
time-entries-locked-approved-on = Na folha de horas aprovada de { $from } – { $to }, aprovada em { $on }.
time-entries-locked-in = Na folha de horas aprovada de { $from } – { $to }.
time-entries-locked = Uma folha de horas aprovada cobre este dia.
time-entries-locked-badge = Bloqueado
time-entries-method = Método
time-entries-edit-when = Editar o registro de { $when }
time-entries-delete-when = Excluir o registro de { $when }
time-entries-deleted = O registro de { $when } foi excluído.
time-entries-delete-failed = Não foi possível excluir o registro: { $error }
time-entries-add = Adicionar tempo
time-entries-choose-member-first = escolha um membro primeiro
time-entries-any-project = Qualquer projeto
time-entries-empty = Nenhum tempo nestes dias
time-entries-empty-hint = A API lista o tempo de um membro por vez; escolha o membro e os dias.
time-entries-total = { $count ->
    [one] { $count } registro, { $duration } no total.
   *[other] { $count } registros, { $duration } no total.
}
time-entries-delete-title = Excluir este registro de tempo?
time-entries-delete-message = O registro de { $when } ({ $duration }) é removido para sempre.
time-entries-saved = Registro de tempo salvo.
time-entries-saved-part = Salvos { $saved } de { $asked }: o restante se sobrepunha a tempo já registrado.
time-entries-added = { $duration } adicionados.
time-entries-clock-hint = HH:mm, 24 horas.
time-entries-project-contract = Projeto (contrato)
time-entries-notes-placeholder = O que foi feito

## Live tracking
tracking-tracking = rastreando
tracking-since = desde { $since }
tracking-since-for = desde { $since } ({ $duration })
tracking-stopped = O rastreador de { $name } foi parado: { $duration } registrados ({ $span }).
tracking-stopped-short = O rastreador de { $name } foi parado. Funcionou menos de um minuto, então nenhum registro de tempo foi criado.
tracking-stop-failed = Não foi possível parar o rastreador de { $name }: { $error }
tracking-tracker = Rastreador
tracking-unknown = desconhecido: { $problem }
tracking-not-tracking = sem rastrear
tracking-on = Em
tracking-today = Hoje
tracking-stop = Parar
tracking-stop-who = Parar o rastreador de { $name }
tracking-start-for = Iniciar um rastreador para { $name }
tracking-summary = { $running } rastreando agora entre { $checked ->
    [one] { $checked } membro
   *[other] { $checked } membros
} na tela ({ $all } no total; a API lê um rastreador por solicitação).
tracking-name-placeholder = Nome ou e-mail
tracking-only-running = Só membros rastreando agora
tracking-none-can-track = Nenhum membro pode rastrear tempo
tracking-none-can-track-hint = Membros ativos que não são observadores de projeto aparecem aqui.
tracking-trackers = Rastreadores
tracking-no-match = Nenhum membro corresponde
tracking-no-match-hint = Altere o filtro de nome, mostre membros que não estão rastreando ou mostre mais membros.
tracking-show-more = Mostrar mais { $count } ({ $left } não mostrados)
tracking-started-on = O rastreador de { $name } foi iniciado em { $project } às { $at }.
tracking-started = O rastreador de { $name } foi iniciado às { $at }.
tracking-activity-placeholder = No que está trabalhando
tracking-start-tracker = Iniciar rastreador
tracking-starting = Iniciando…

## Dashboard
dashboard-change = { $sign }{ $percent } % de segunda a ontem, em relação aos mesmos dias da semana passada
dashboard-last-week-same = Semana passada: { $same } nos mesmos dias, { $all } no total.
dashboard-last-week = Semana passada: { $all } no total.
dashboard-leave = Ausência
dashboard-tracking-now = Rastreando agora
dashboard-trackers-read = Rastreadores lidos nos últimos 5 minutos: { $read } de { $members ->
    [one] { $members } membro
   *[other] { $members } membros
} (o seu e as linhas mostradas em Rastreamento ao vivo). A API lê um rastreador por solicitação; Rastreamento ao vivo mostra os demais.
dashboard-hours-today = Horas hoje
dashboard-hours-today-hint = O tempo fechado de todos hoje, mais os rastreadores em andamento de Rastreando agora.
dashboard-this-week = Esta semana
dashboard-monday-to-today = De segunda a hoje ({ $today }), tempo fechado.
dashboard-waiting = Aguardando aprovação
dashboard-pending-timesheets = { $count ->
    [one] { " " }folha de horas
   *[other] { " " }folhas de horas
}
dashboard-pending-time-requests = { $count ->
    [one] { " " }solicitação de tempo
   *[other] { " " }solicitações de tempo
}
dashboard-pending-leaves = { $count ->
    [one] { " " }solicitação de ausência
   *[other] { " " }solicitações de ausência
}
dashboard-on-leave = Ausentes hoje
dashboard-nobody-on-leave = Ninguém está ausente hoje.
