using Reconnect.Api.Correspondents;
using Reconnect.Api.Drafts;
using Reconnect.Api.Extensions;
using Reconnect.Api.Identity;
using Reconnect.Api.Infrastructure;
using Reconnect.Api.Me;
using Reconnect.Api.People;
using Reconnect.Api.Sync;
using Reconnect.Api.TaskPane;

var builder = WebApplication.CreateBuilder(args);

builder.AddApiDefaults();
builder.AddRequestLimits();
builder.AddClock();
builder.AddStorage();
builder.AddIdentity();
builder.AddBrowserHardening();
builder.AddPerUserRateLimiting();
builder.AddMailboxSync();
builder.AddTaskPane();
builder.AddPeople();

var app = builder.Build();

app.UseBrowserHardening();
app.MapApiDefaults();
app.MapTaskPane();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

var api = app.MapGroup("").RequireAuthorization(IdentityExtensions.ApiUserPolicy).RequirePerUserRateLimit();
api.MapSync();
api.MapCorrespondents();
api.MapSuggestions();
api.MapPeople();
api.MapSettings();
api.MapDrafts();
api.MapMe();

app.Run();
