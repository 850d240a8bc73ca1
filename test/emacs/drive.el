;;; drive.el --- a real Emacs with eglot against the built language server  -*- lexical-binding: t -*-

;; Drives Emacs (28, `emacs --batch') with Debian's eglot (1.9) the way a user does: the README's
;; configuration starts eglot from the major-mode hook, Flymake shows the pushed diagnostics,
;; eldoc asks for hovers (`eglot-hover-eldoc-function') and `eglot-code-actions' offers and applies
;; the quick fixes. Run by test/lsp/emacs.test.ts:
;;   emacs --batch -l test/emacs/drive.el   (batch: no init file; site-start as installed)
;; with COPYDESK_EMACS_PLAN (a JSON file: snippet, the README's Emacs Lisp with the server's command;
;; workspace; open, the files to visit in that order, the last one being the one the steps act on;
;; steps; timeoutMs) and COPYDESK_EMACS_OUT (where the JSON result is written). Each step starts
;; from the file's text, puts point on `on', records the diagnostics there, hovers, runs
;; `eglot-code-actions' answering its menu with the action whose title is `title.text' (or begins
;; with it, unless `title.exact'), and records the buffer and the diagnostics published for the
;; changed text. A step `(:remove FILE)' deletes that file of the workspace and records the diagnostics
;; the server pushes next (its file watching at work). Then the driver shuts the server down (`eglot-shutdown') and records whether the
;; server process ended by itself.
;;
;; Batch Emacs never redisplays or becomes idle, and eglot sends didChange, as Flymake starts, from idle
;; timers and from the window-change hooks of redisplay (a buffer Flymake could not start in while it
;; was hidden), and file-notify events reach eglot's file watchers only as the command loop reads
;; input: `copydesk--idle' does these, as an interactive Emacs does when the user stops typing. Emacs
;; runs with standard input from /dev/null, so that reading input returns at once.

(load (expand-file-name "common.el" (file-name-directory (or load-file-name buffer-file-name))) nil t)

(setq copydesk--buffer-version (lambda () eglot--versioned-identifier)
      copydesk--finish-fields (lambda () (list :eglot (and (boundp 'eglot--version) eglot--version))))

;; every JSON-RPC message as eglot logs it, to report error answers in either direction
(advice-add 'jsonrpc--log-event :before
            (lambda (_conn message &optional type)
              (let ((method (plist-get message :method))
                    (err (plist-get message :error)))
                (when (and (equal method "textDocument/publishDiagnostics")
                           copydesk--file-uri-tail
                           (string-suffix-p copydesk--file-uri-tail (plist-get (plist-get message :params) :uri)))
                  (cl-incf copydesk--published)
                  (setq copydesk--published-version (plist-get (plist-get message :params) :version)))
                (when (or method err)
                  ;; an answer is named by the request it answers: ("client" "client/registerCapability" error)
                  (let ((req (and (not method)
                                  (cl-find-if (lambda (x) (and (equal (nth 3 x) (plist-get message :id))
                                                               (not (equal (car x) (format "%s" type)))))
                                              copydesk--traffic))))
                    (push (list (format "%s" type) (or method (nth 1 req)) (and err (format "%s" (plist-get err :message)))
                                (and method (plist-get message :id)))
                          copydesk--traffic))))))

(defun copydesk--diagnostics ()
  "The buffer's Flymake diagnostics from eglot, with the LSP diagnostic eglot keeps with each."
  (vconcat
   (cl-loop for d in (flymake-diagnostics)
            for lsp = (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))
            for beg = (flymake-diagnostic-beg d)
            for end = (flymake-diagnostic-end d)
            when lsp
            collect (list :code (or (plist-get lsp :code) "")
                          :message (plist-get lsp :message)
                          :shown (flymake-diagnostic-text d)
                          :type (format "%s" (flymake-diagnostic-type d))
                          :line (1- (line-number-at-pos beg t))
                          :text (buffer-substring-no-properties beg end)))))

(condition-case err
    (progn
      ;; Debian's elpa-* packages (eglot, markdown-mode) are activated as at a normal start
      (package-initialize)
      (setq eglot-sync-connect 10
            eglot-connect-timeout 30)
      (cd (plist-get copydesk--plan :workspace))
      ;; the user's init: the README's snippet
      (load (plist-get copydesk--plan :snippet) nil t)
      (let* ((files (plist-get copydesk--plan :open))
             (file (car (last files)))
             (timeout (copydesk--ms :timeoutMs)))
        (setq copydesk--file-uri-tail (concat "/" (url-hexify-string file (and (require 'eglot) eglot--uri-path-allowed-chars))))
        ;; each file opened as by C-x C-f: `find-file', then the command loop's post-command-hook
        ;; (where `eglot-ensure' connects)
        (dolist (f files)
          (find-file (expand-file-name f))
          (run-hooks 'post-command-hook))
        (switch-to-buffer (find-buffer-visiting (expand-file-name file)))
        (unless (copydesk--wait (lambda () (bound-and-true-p eglot--managed-mode)) timeout)
          (copydesk--fail (format "eglot does not manage %s (major mode %s)" file major-mode)))
        (let ((server (eglot-current-server)))
          (plist-put copydesk--result :mode (symbol-name major-mode))
          (plist-put copydesk--result :languageId (eglot--language-id server))
          (unless (copydesk--wait (lambda () (> copydesk--published 0)) timeout)
            (copydesk--fail "no diagnostics published"))
          ;; Flymake starts (on a timer) and asks eglot's backend for what was published
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
                      (copydesk--idle)
                      (copydesk--wait (lambda () (> copydesk--published before)) timeout)
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
                  ;; eldoc's hover, through eglot's documentation function
                  (let ((hover :none))
                    (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover (or info ""))))
                    (copydesk--wait (lambda () (not (eq hover :none))) timeout)
                    (plist-put rec :hover (if (stringp hover) (substring-no-properties hover) "")))
                  ;; M-x eglot-code-actions at point, the menu answered with the step's title
                  (let* ((titles nil) (picked nil)
                         (tick (buffer-chars-modified-tick))
                         (pushes copydesk--published))
                    (cl-letf (((symbol-function 'completing-read)
                               (lambda (_prompt collection &rest _)
                                 (dolist (c collection) (push (car c) titles))
                                 (setq titles (nreverse titles))
                                 (setq picked (cl-find-if (lambda (tt) (copydesk--matches tt (plist-get step :title))) titles))
                                 (or picked (signal 'quit nil))))
                              ((symbol-function 'y-or-n-p)
                               (lambda (prompt) (push prompt copydesk--errors) nil)))
                      (let ((last-nonmenu-event ?\r))
                        (condition-case e
                            (eglot-code-actions (point) nil nil t)
                          (quit nil)
                          (error (plist-put rec :error (error-message-string e))))))
                    (plist-put rec :titles (vconcat titles))
                    (plist-put rec :picked (or picked :null))
                    (when picked
                      (if (= tick (buffer-chars-modified-tick))
                          ;; a command (ignore, accept a name): the server pushes again by itself
                          (progn (copydesk--wait (lambda () (> copydesk--published pushes)) timeout)
                                 (copydesk--idle))
                        ;; the user stops typing: didChange, the server checks and pushes again
                        (copydesk--idle)
                        (copydesk--wait-current pushes timeout)))
                    (plist-put rec :text_after (buffer-substring-no-properties (point-min) (point-max)))
                    (plist-put rec :diagnostics_after (copydesk--diagnostics)))))))
            (plist-put copydesk--result :steps (vconcat (mapcar #'identity (nreverse steps)))))
          (when (getenv "COPYDESK_EMACS_EVENTS")
            (with-current-buffer (jsonrpc-events-buffer server)
              (write-region nil nil (getenv "COPYDESK_EMACS_EVENTS"))))
          ;; M-x eglot-shutdown: shutdown request, exit notification; did the server end by itself?
          (let ((proc (jsonrpc--process server)))
            ;; eglot deletes the process right after `exit': give the server a moment to end by itself
            (advice-add 'jsonrpc-shutdown :before
                        (lambda (&rest _)
                          (plist-put copydesk--result :exitedByItself
                                     (if (copydesk--wait (lambda () (not (process-live-p proc))) 3) t :false))))
            (condition-case e
                (eglot-shutdown server nil 5)
              (error (push (format "eglot-shutdown: %s" (error-message-string e)) copydesk--errors)))
            (plist-put copydesk--result :exitStatus (process-exit-status proc))))))
  (error (push (format "driver error: %s" (error-message-string err)) copydesk--errors)))

(copydesk--finish)
