-- Drives a real Neovim (0.7 or later, headless) against the built language server, the way a user
-- does: the built-in LSP client, pushed diagnostics, vim.lsp.buf.hover() and vim.lsp.buf.code_action()
-- with the cursor on a finding. Run by test/lsp/neovim.test.ts:
--   nvim --headless --clean -u NONE -c 'luafile test/nvim/drive.lua'
-- with COPYDESK_NVIM_PLAN (a JSON file: snippet, the Lua configuration that starts the client — the README's,
-- with the server's command; workspace; file; steps) and COPYDESK_NVIM_OUT (where the
-- JSON result is written). Each step starts from the file's text, puts the cursor on `on`, records the
-- diagnostics and the code action titles there, hovers, applies the action whose title is
-- `title.text` (or begins with it, unless `title.exact`) through Neovim's own code action path, and records the buffer and the
-- diagnostics published for the changed text. Between steps the buffer is set back to the file's text by
-- an edit.
local plan = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('COPYDESK_NVIM_PLAN')), '\n'))
local out_path = os.getenv('COPYDESK_NVIM_OUT')
local result = { nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), steps = {}, errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out_path)
  vim.cmd('qall!')
end

local function fail(msg)
  table.insert(result.errors, msg)
  finish()
end

vim.cmd('cd ' .. vim.fn.fnameescape(plan.workspace))
if os.getenv('COPYDESK_NVIM_LOG') then vim.lsp.set_log_level('debug') end

-- diagnostics as published, with their LSP fields (Neovim keeps the original under user_data.lsp)
local bufnr = -1
local published = 0
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, res, ctx, config)
  if res and vim.uri_to_bufnr(res.uri) == bufnr then published = published + 1 end
  return default_publish(err, res, ctx, config)
end

-- the user's configuration: the README's snippet (it starts the client from a FileType autocmd)
dofile(plan.snippet)
vim.cmd('edit ' .. vim.fn.fnameescape(plan.file))
bufnr = vim.api.nvim_get_current_buf()
local original = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
-- a client is listed for the buffer once it has been initialized
local client_id = nil
vim.wait(plan.timeoutMs, function()
  for id, _ in pairs(vim.lsp.buf_get_clients(bufnr)) do client_id = id end
  return client_id ~= nil
end, 50)
if not client_id then return fail('no LSP client attached to ' .. plan.file .. ' (filetype ' .. vim.bo[bufnr].filetype .. ')') end

local function diagnostics()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(list, {
      code = lsp.code or d.code,
      severity = d.severity,
      message = d.message,
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      text = table.concat(vim.api.nvim_buf_get_text(bufnr, d.lnum, d.col, d.end_lnum, d.end_col, {}), '\n'),
    })
  end
  return list
end

local function buffer_text()
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

-- the (0-based line, byte column) of the first occurrence of `needle`
local function find(needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local s = line:find(needle, 1, true)
    if s then return i - 1, s - 1 end
  end
end

-- `want`: { text, exact }: the whole title, or its beginning
local function matches(title, want)
  if want.exact then return title == want.text end
  return title:sub(1, #want.text) == want.text
end

local function wait_for_publish(after, ms)
  return vim.wait(ms, function() return published > after end, 50)
end

-- the first push after the server has read its references
if not wait_for_publish(0, plan.timeoutMs) then return fail('no diagnostics published within ' .. plan.timeoutMs .. ' ms') end
vim.wait(plan.timeoutMs, function() return #vim.diagnostic.get(bufnr) >= plan.minDiagnostics end, 50)
result.initial = diagnostics()

for _, step in ipairs(plan.steps) do
  local rec = { on = step.on }
  table.insert(result.steps, rec)
  -- back to the file on disk: every step starts from the fixture
  if vim.bo[bufnr].modified then
    -- restored by an edit, as undo does: Neovim 0.7 answers `:edit!` with didClose and no didOpen
    local before = published
    vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, original)
    wait_for_publish(before, plan.timeoutMs)
    vim.wait(plan.timeoutMs, function() return #vim.diagnostic.get(bufnr) >= plan.minDiagnostics end, 50)
  end
  local lnum, col = find(step.on)
  if not lnum then
    rec.error = 'text not in buffer'
  else
    vim.api.nvim_win_set_cursor(0, { lnum + 1, col })
    rec.diagnostics_before = diagnostics()
    -- hover, as vim.lsp.buf.hover() asks for it
    local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', vim.lsp.util.make_position_params(), plan.timeoutMs)
    rec.hover = ''
    for _, r in pairs(hover or {}) do
      if r.result and r.result.contents then
        local c = r.result.contents
        rec.hover = rec.hover .. (type(c) == 'table' and (c.value or vim.fn.json_encode(c)) or tostring(c))
      end
    end
    -- the code action menu, answered by picking the expected title
    local titles, picked = {}, nil
    vim.ui.select = function(items, opts, on_choice)
      local choice = nil
      for _, item in ipairs(items) do
        local title = opts.format_item and opts.format_item(item) or item[2].title
        table.insert(titles, title)
        if not choice and step.title and matches(title, step.title) then choice = item end
      end
      picked = choice and choice[2].title or nil
      on_choice(choice)
    end
    local tick = vim.api.nvim_buf_get_changedtick(bufnr)
    local pushes = published
    vim.lsp.buf.code_action()
    vim.wait(plan.timeoutMs, function() return #titles > 0 end, 50)
    rec.titles = titles
    rec.picked = picked
    if picked then
      if vim.wait(plan.timeoutMs, function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick end, 50) then
        -- the server checks the changed text and pushes again
        wait_for_publish(pushes, plan.timeoutMs)
        vim.wait(plan.settleMs, function() return false end, 50)
      else
        rec.error = 'the picked action did not change the buffer'
      end
    end
    rec.text_after = buffer_text()
    rec.diagnostics_after = diagnostics()
  end
end

vim.lsp.stop_client(client_id)
finish()
