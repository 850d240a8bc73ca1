" Drives a real Vim (9.0, `vim -es`) with ALE (3.3.0, Debian's vim-ale) against the built language server,
" the way a user does: the README's vimrc defines the server as an ALE LSP linter, ALE starts it when the
" file is opened and shows the pushed diagnostics, `:ALEHover` shows the hover and `:ALECodeAction` offers
" and applies the quick fixes. Run by test/lsp/ale.test.ts:
"   vim -N -u VIMRC -i NONE -es -S test/vim/drive.vim   (VIMRC: the README's snippet)
" with COPYDESK_VIM_PLAN (a JSON file: workspace; file; steps; timeoutMs) and COPYDESK_VIM_OUT (where the
" JSON result is written). Each step starts from the file's text, puts the cursor on `on`, records the
" diagnostics ALE shows, hovers, runs `:ALECodeAction` answering its menu with the action whose title is
" `title.text` (or begins with it, unless `title.exact`), and records the buffer and the diagnostics ALE
" shows for the changed text. Then `:ALEStopAllLSPs`, and whether the server ended before ALE's kill.
"
" Vim in Ex mode runs timers and job callbacks while it waits (`:sleep`), but it has no main loop: the
" TextChanged event it fires after a command that changed the buffer (ALE lints on it, and so sends
" didChange) is fired here by `s:idle()`, as the main loop does when the user stops typing.

let s:plan = json_decode(join(readfile($COPYDESK_VIM_PLAN), "\n"))
let s:out = $COPYDESK_VIM_OUT
let s:result = {'vim': string(v:version), 'errors': [], 'traffic': [], 'steps': [], 'shown': []}
let s:published = 0
let s:uri_tail = ''

function! s:finish() abort
  let s:result.messages = split(execute('messages'), "\n")
  let s:result.ale_lsp_errors = get(g:, 'ale_lsp_error_messages', {})
  call writefile([json_encode(s:result)], s:out)
  qall!
endfunction

function! s:fail(msg) abort
  call add(s:result.errors, a:msg)
  call s:finish()
endfunction

" Let timers and the server's messages run until Pred() holds or `ms` pass; Pred()'s last value.
function! s:wait(Pred, ms) abort
  let l:start = reltime()
  let l:v = a:Pred()
  while !l:v && reltimefloat(reltime(l:start)) * 1000 < a:ms
    sleep 20m
    let l:v = a:Pred()
  endwhile
  return l:v
endfunction

" The main loop after a command: TextChanged if the buffer changed since it last ran, then a moment for
" ALE's lint timer (g:ale_lint_delay) and the server's answer.
let s:tick = -1
function! s:idle() abort
  if b:changedtick != s:tick
    let s:tick = b:changedtick
    doautocmd <nomodeline> TextChanged
  endif
  call s:wait({-> 0}, 300)
endfunction

" Every message the server sends ALE: publishDiagnostics for the step's file counted, errors and requests
" (ALE answers none) recorded as [method, error message].
function! s:on_message(conn_id, response) abort
  let l:method = get(a:response, 'method', '')
  if l:method is# 'textDocument/publishDiagnostics' && a:response.params.uri =~# '\V' . escape(s:uri_tail, '\') . '\$'
    let s:published += 1
  endif
  if !empty(l:method) || has_key(a:response, 'error')
    call add(s:result.traffic, [l:method, has_key(a:response, 'id') ? 'request' : '', string(get(get(a:response, 'error', {}), 'message', ''))])
  endif
endfunction

" The diagnostics ALE shows for the buffer (its loclist), with the text they underline.
function! s:diagnostics() abort
  let l:list = []
  for l:d in get(get(g:ale_buffer_info, bufnr(''), {}), 'loclist', [])
    if get(l:d, 'linter_name', '') isnot# 'copydesk' | continue | endif
    let l:end_lnum = get(l:d, 'end_lnum', l:d.lnum)
    let l:end_col = get(l:d, 'end_col', l:d.col)
    " columns are 1-based bytes, end_col inclusive
    if l:end_lnum == l:d.lnum
      let l:text = strpart(getline(l:d.lnum), l:d.col - 1, l:end_col - l:d.col + 1)
    else
      let l:lines = getline(l:d.lnum, l:end_lnum)
      let l:lines[0] = strpart(l:lines[0], l:d.col - 1)
      let l:lines[-1] = strpart(l:lines[-1], 0, l:end_col)
      let l:text = join(l:lines, "\n")
    endif
    call add(l:list, {'code': get(l:d, 'code', ''), 'message': l:d.text, 'type': l:d.type,
          \ 'lnum': l:d.lnum, 'col': l:d.col, 'end_lnum': l:end_lnum, 'end_col': l:end_col, 'text': l:text})
  endfor
  return l:list
endfunction

function! s:matches(title, want) abort
  return a:want.exact ? a:title is# a:want.text : stridx(a:title, a:want.text) == 0
endfunction

" ALE's code action menu (ale#util#Input: "N) title" lines, a number typed), answered with the step's title.
let s:menu = {}
function! s:answer(prompt) abort
  let s:menu.titles = []
  let l:choice = ''
  for l:line in split(a:prompt, "\n")
    let l:m = matchlist(l:line, '^\(\d\+\)) \(.*\)$')
    if empty(l:m) | continue | endif
    call add(s:menu.titles, l:m[2])
    if empty(l:choice) && has_key(s:menu, 'want') && s:matches(l:m[2], s:menu.want)
      let l:choice = l:m[1]
      let s:menu.picked = l:m[2]
    endif
  endfor
  return l:choice
endfunction

" The hover: ALE shows a hover of several lines in its preview window (one line is echoed).
function! s:preview() abort
  for l:b in range(1, bufnr('$'))
    if bufexists(l:b) && getbufvar(l:b, '&filetype') is# 'ale-preview.message'
      return join(getbufline(l:b, 1, '$'), "\n")
    endif
  endfor
  return ''
endfunction

try
  execute 'cd' fnameescape(s:plan.workspace)
  " the one ALE function the driver stands in for, loaded first so that it can be redefined: the code
  " action menu's input (the user types a number)
  runtime autoload/ale/util.vim
  function! ale#util#Input(message, value, ...) abort
    return s:answer(a:message)
  endfunction
  let s:file = s:plan.file
  let s:uri_tail = '/' . substitute(s:file, '[^A-Za-z0-9/._~-]', '\=printf("%%%02X", char2nr(submatch(0)))', 'g')
  execute 'edit' fnameescape(s:file)
  let s:result.filetype = &filetype
  let s:timeout = s:plan.timeoutMs
  " the connection ALE makes for the README's linter
  if !s:wait({-> !empty(ale#lsp#GetConnections())}, s:timeout)
    call s:fail('ALE started no language server for ' . s:file . ' (filetype ' . &filetype . ')')
  endif
  for s:id in keys(ale#lsp#GetConnections())
    call ale#lsp#RegisterCallback(s:id, function('s:on_message'))
  endfor
  let s:conn = values(ale#lsp#GetConnections())[0]
  let s:result.root = s:conn.root
  let s:result.init_options = s:conn.init_options
  if !s:wait({-> s:published > 0}, s:timeout)
    call s:fail('no diagnostics published')
  endif
  call s:wait({-> !empty(s:diagnostics())}, s:timeout)
  let s:result.initial = s:diagnostics()
  let s:original = getline(1, '$')

  for s:step in s:plan.steps
    let s:rec = {'on': s:step.on}
    call add(s:result.steps, s:rec)
    if getline(1, '$') != s:original
      " back to the fixture by an edit (as undo does), checked again by the server
      let s:before = s:published
      call setline(1, s:original)
      silent! execute (len(s:original) + 1) . ',$delete _'
      call s:idle()
      call s:wait({-> s:published > s:before}, s:timeout)
      call s:idle()
    endif
    call cursor(1, 1)
    let s:pos = searchpos('\V' . escape(s:step.on, '\'), 'cW')
    if s:pos == [0, 0]
      let s:rec.error = 'text not in buffer'
      continue
    endif
    let s:rec.diagnostics_before = s:diagnostics()
    " :ALEHover
    pclose
    ALEHover
    call s:wait({-> !empty(s:preview())}, s:timeout)
    let s:rec.hover = s:preview()
    pclose
    call cursor(s:pos[0], s:pos[1])
    " :ALECodeAction, the menu answered with the step's title
    let s:menu = {'want': s:step.title, 'titles': [], 'picked': v:null}
    let s:changed = b:changedtick
    let s:pushes = s:published
    ALECodeAction
    call s:wait({-> !empty(s:menu.titles)}, s:timeout)
    let s:rec.titles = s:menu.titles
    let s:rec.picked = s:menu.picked
    if s:menu.picked isnot v:null
      if b:changedtick == s:changed
        " a command (ignore, accept a name): the server pushes again by itself
        call s:wait({-> s:published > s:pushes}, s:timeout)
      else
        " the main loop: TextChanged, ALE lints (didChange), the server checks and pushes again
        call s:idle()
        call s:wait({-> s:published > s:pushes}, s:timeout)
      endif
      call s:idle()
    endif
    let s:rec.text_after = join(getline(1, '$'), "\n")
    let s:rec.diagnostics_after = s:diagnostics()
  endfor

  " :ALEStopAllLSPs: ALE closes the server's input and stops the job (SIGTERM, SIGKILL 100 ms later)
  " ALE's job id is the process id of the job it started (&shell -c COMMAND)
  let s:job = filter(job_info(), {_, j -> job_info(j).process == s:conn.job_id})[0]
  ALEStopAllLSPs
  call s:wait({-> job_status(s:job) isnot# 'run'}, 3000)
  let s:info = job_info(s:job)
  let s:result.exit = {'status': s:info.status, 'exitval': s:info.exitval, 'termsig': s:info.termsig}
catch
  call add(s:result.errors, 'driver error: ' . v:exception . ' at ' . v:throwpoint)
endtry

call s:finish()
