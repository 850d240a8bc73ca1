;;; drive-lsp-mode.el --- a real Emacs with lsp-mode against the built language server  -*- lexical-binding: t -*-

;; Drives Emacs (28, `emacs --batch') with Debian's lsp-mode (8.0) the way a user does: the README's
;; configuration registers the client and starts lsp-mode from the major-mode hook (`lsp-deferred'),
;; the user answers lsp-mode's "Import project root" question with `i' (lsp-mode writes it to its
;; session file), Flymake shows the pushed diagnostics (no Flycheck installed: lsp-mode's
;; `lsp-diagnostics-provider' :auto falls back to Flymake), `lsp-describe-thing-at-point' shows the
;; hover and `lsp-execute-code-action' offers and applies the quick fixes. Run by
;; test/lsp/lspmode.test.ts:
;;   emacs --batch -l test/emacs/drive-lsp-mode.el   (batch: no init file; site-start as installed)
;; with COPYDESK_EMACS_PLAN (a JSON file: snippet, the README's Emacs Lisp with the server's command;
;; workspace; open, the files to visit in that order, the last one being the one the steps act on;
;; steps; timeoutMs) and COPYDESK_EMACS_OUT (where the JSON result is written). Each step starts
;; from the file's text, puts point on `on', records the diagnostics there, asks for the hover, runs
;; `lsp-execute-code-action' answering its menu with the action whose title is `title.text' (or
;; begins with it, unless `title.exact'), and records the buffer and the diagnostics published for
;; the changed text. A step `(:remove FILE)' deletes that file of the workspace and records the
;; diagnostics the server pushes next (lsp-mode's file watchers at work). Then the driver shuts the
;; server down (`lsp-workspace-shutdown') and records whether the server process ended by itself.
;;
;; Batch Emacs never redisplays or becomes idle: lsp-deferred starts the server from an idle timer,
;; Flymake starts from `post-command-hook' and file-notify events reach lsp-mode's watchers only as
;; the command loop reads input: `copydesk--idle' does these, as an interactive Emacs does when the
;; user stops typing. Emacs runs with standard input from /dev/null, so that reading input returns
;; at once.

(load (expand-file-name "common.el" (file-name-directory (or load-file-name buffer-file-name))) nil t)

(defvar copydesk--warnings nil "What lsp-mode told the user: warnings (`display-warning') and its error messages.")
(defvar copydesk--prompts nil "The questions lsp-mode asked the user.")
(setq copydesk--idle-runs-post-command t
      copydesk--buffer-version (lambda () lsp--cur-version)
      copydesk--finish-fields (lambda () (list :lspMode (or (ignore-errors (lsp-version)) "")
                                               :warnings (vconcat (reverse copydesk--warnings))
                                               :prompts (vconcat (reverse copydesk--prompts)))))

(defun copydesk--note (from message)
  "Record a JSON-RPC MESSAGE (a hash table) going FROM client or server."
  (let ((method (gethash "method" message))
        (err (gethash "error" message))
        (id (gethash "id" message)))
    (when (and (equal method "textDocument/publishDiagnostics")
               copydesk--file-uri-tail
               (string-suffix-p copydesk--file-uri-tail (gethash "uri" (gethash "params" message))))
      (cl-incf copydesk--published)
      (setq copydesk--published-version (gethash "version" (gethash "params" message))))
    (when (or method err)
      ;; an answer is named by the request it answers: ("client" "client/registerCapability" error)
      (let ((req (and (not method)
                      (cl-find-if (lambda (x) (and (equal (nth 3 x) id) (not (equal (car x) from))))
                                  copydesk--traffic))))
        (push (list from (or method (nth 1 req)) (and err (format "%s" (gethash "message" err)))
                    (and method id))
              copydesk--traffic)))))

;; every JSON-RPC message, to report error answers in either direction
(advice-add 'lsp--parser-on-message :before
            (lambda (json-data _workspace)
              (when (hash-table-p json-data) (copydesk--note "server" json-data))))
(advice-add 'lsp--send-no-wait :before
            (lambda (message _proc)
              (let ((body (and (string-match "\r\n\r\n" message) (substring message (match-end 0)))))
                (when body
                  (copydesk--note "client" (json-parse-string (decode-coding-string body 'utf-8)
                                                              :null-object nil :false-object nil))))))
;; what lsp-mode shows the user as a warning or an error
(advice-add 'display-warning :before
            (lambda (type message &rest _) (push (format "%s: %s" type message) copydesk--warnings)))
(advice-add 'lsp--error :before
            (lambda (format &rest args) (push (apply #'format format args) copydesk--warnings)))

(defun copydesk--diagnostics ()
  "The buffer's Flymake diagnostics, each with the LSP diagnostic lsp-mode keeps for that region."
  (let ((lsp (gethash (lsp--fix-path-casing buffer-file-name) (lsp-diagnostics t))))
    (vconcat
     (cl-loop for d in (flymake-diagnostics)
              for beg = (flymake-diagnostic-beg d)
              for end = (flymake-diagnostic-end d)
              for text = (flymake-diagnostic-text d)
              for match = (cl-find-if (lambda (l)
                                        (and (equal (gethash "message" l) text)
                                             (equal (lsp--range-to-region (gethash "range" l)) (cons beg end))))
                                      lsp)
              collect (list :code (or (and match (gethash "code" match)) "")
                            :message (if match (gethash "message" match) "")
                            :shown text
                            :type (format "%s" (flymake-diagnostic-type d))
                            :line (1- (line-number-at-pos beg t))
                            :text (buffer-substring-no-properties beg end))))))

(condition-case err
    (progn
      ;; Debian's elpa-* packages (lsp-mode and what it needs, markdown-mode) are activated as at a normal start
      (package-initialize)
      (cd (plist-get copydesk--plan :workspace))
      ;; the user's init: the README's snippet
      (load (plist-get copydesk--plan :snippet) nil t)
      (let* ((files (plist-get copydesk--plan :open))
             (file (car (last files)))
             (timeout (copydesk--ms :timeoutMs)))
        (setq copydesk--file-uri-tail (concat "/" (url-hexify-string file (and (require 'lsp-mode) lsp--url-path-allowed-chars))))
        ;; the first file of a folder lsp-mode does not know: it asks what the project root is (read-key),
        ;; and the user answers `i', "Import project root"
        (advice-add 'read-key :override
                    (lambda (&optional prompt &rest _)
                      (push (substring-no-properties (or prompt "")) copydesk--prompts)
                      (if (string-match-p "is not part of any project" (or prompt "")) ?i ?n)))
        ;; each file opened as by C-x C-f: `find-file', then the command loop's hooks and idle timers
        ;; (where `lsp-deferred' starts lsp-mode in a visible buffer)
        (dolist (f files)
          (find-file (expand-file-name f))
          (copydesk--idle))
        (switch-to-buffer (find-buffer-visiting (expand-file-name file)))
        (unless (copydesk--wait (lambda () (copydesk--idle) (bound-and-true-p lsp-managed-mode)) timeout)
          (copydesk--fail (format "lsp-mode does not manage %s (major mode %s)" file major-mode)))
        (let ((workspace (car (lsp-workspaces))))
          (plist-put copydesk--result :mode (symbol-name major-mode))
          (plist-put copydesk--result :languageId (lsp-buffer-language))
          (plist-put copydesk--result :root (lsp--workspace-root workspace))
          (plist-put copydesk--result :sessionFile lsp-session-file)
          (unless (copydesk--wait (lambda () (> copydesk--published 0)) timeout)
            (copydesk--fail "no diagnostics published"))
          ;; Flymake starts and asks lsp-mode's backend for what was published
          (copydesk--wait (lambda () (copydesk--idle) (> (length (flymake-diagnostics)) 0)) timeout)
          (plist-put copydesk--result :initial (copydesk--diagnostics))
          (let ((original (buffer-string)) steps)
            (dolist (step (plist-get copydesk--plan :steps))
              (let ((rec (list :on (or (plist-get step :on) (plist-get step :remove)))))
                (push rec steps)
                (if (plist-get step :remove)
                    ;; a reference file deleted on disk (another program, a git checkout): the file
                    ;; watchers tell the server, which re-indexes and pushes again
                    (let ((before copydesk--published))
                      (delete-file (expand-file-name (plist-get step :remove) (plist-get copydesk--plan :workspace)))
                      (copydesk--wait (lambda () (copydesk--idle) (> copydesk--published before)) timeout)
                      ;; until a second passes with no push
                      (while (let ((n copydesk--published))
                               (copydesk--wait (lambda () (> copydesk--published n)) 1)))
                      (copydesk--idle)
                      (plist-put rec :diagnostics_after (copydesk--diagnostics)))
                  (unless (equal (buffer-string) original)
                    ;; back to the fixture by an edit (as undo does), checked again by the server
                    (let ((before copydesk--published))
                      (erase-buffer)
                      (insert original)
                      (copydesk--idle)
                      (copydesk--wait-current before timeout)))
                  (goto-char (point-min))
                  (if (not (search-forward (plist-get step :on) nil t))
                      (plist-put rec :error "text not in buffer")
                    (goto-char (match-beginning 0))
                    (plist-put rec :diagnostics_before (copydesk--diagnostics))
                    ;; M-x lsp-describe-thing-at-point: the hover in *lsp-help*
                    (when (get-buffer "*lsp-help*") (kill-buffer "*lsp-help*"))
                    (save-window-excursion (lsp-describe-thing-at-point))
                    (plist-put rec :hover (if (get-buffer "*lsp-help*")
                                              (with-current-buffer "*lsp-help*" (buffer-substring-no-properties (point-min) (point-max)))
                                            ""))
                    ;; M-x lsp-execute-code-action at point, the menu answered with the step's title
                    (let* ((titles nil) (picked nil)
                           (tick (buffer-chars-modified-tick))
                           (pushes copydesk--published)
                           (record (lambda (actions)
                                     (setq titles (mapcar #'lsp:code-action-title actions)))))
                      (advice-add 'lsp--select-action :before record)
                      (unwind-protect
                          (cl-letf (((symbol-function 'completing-read)
                                     (lambda (_prompt collection &rest _)
                                       (setq picked (cl-find-if (lambda (tt) (copydesk--matches tt (plist-get step :title)))
                                                                (mapcar (lambda (c) (if (consp c) (car c) c)) collection)))
                                       (or picked (signal 'quit nil))))
                                    ((symbol-function 'y-or-n-p)
                                     (lambda (prompt) (push prompt copydesk--errors) nil)))
                            (condition-case e
                                (call-interactively #'lsp-execute-code-action)
                              (quit nil)
                              (error (plist-put rec :error (error-message-string e)))))
                        (advice-remove 'lsp--select-action record))
                      ;; one action: lsp-mode runs it without asking (`lsp-auto-execute-action')
                      (when (and (not picked) (= (length titles) 1) (copydesk--matches (car titles) (plist-get step :title)))
                        (setq picked (car titles)))
                      (plist-put rec :titles (vconcat titles))
                      (plist-put rec :picked (or picked :null))
                      (when picked
                        (if (= tick (buffer-chars-modified-tick))
                            ;; a command (ignore, accept a name): the server pushes again by itself
                            (copydesk--wait (lambda () (> copydesk--published pushes)) timeout)
                          ;; lsp-mode sent didChange as the edit was made: the server checks and pushes again
                          (copydesk--wait-current pushes timeout))
                        (copydesk--idle))
                      (plist-put rec :text_after (buffer-substring-no-properties (point-min) (point-max)))
                      (plist-put rec :diagnostics_after (copydesk--diagnostics)))))))
            (plist-put copydesk--result :steps (vconcat (nreverse steps))))
          ;; M-x lsp-workspace-shutdown: shutdown request, exit notification; did the server end by itself?
          (let ((proc (lsp--workspace-proc workspace)))
            ;; lsp-mode kills the process right after `exit': give the server a moment to end by itself
            (advice-add 'lsp--uninitialize-workspace :before
                        (lambda (&rest _)
                          (plist-put copydesk--result :exitedByItself
                                     (if (copydesk--wait (lambda () (not (process-live-p proc))) 3) t :false))))
            (condition-case e
                (lsp-workspace-shutdown workspace)
              (error (push (format "lsp-workspace-shutdown: %s" (error-message-string e)) copydesk--errors)))
            (copydesk--wait (lambda () (not (process-live-p proc))) 3)
            (plist-put copydesk--result :exitStatus (process-exit-status proc))
            (plist-put copydesk--result :session
                       (if (file-exists-p lsp-session-file)
                           (with-temp-buffer (insert-file-contents lsp-session-file) (buffer-string))
                         ""))))))
  (error (push (format "driver error: %s" (error-message-string err)) copydesk--errors)))

(copydesk--finish)
